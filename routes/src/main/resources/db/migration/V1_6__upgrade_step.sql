-- One-time upgrade steps (PreviousVersionMigration). The instance running a step holds its row locked, so that of
-- the instances sharing this database one runs it and the others wait; completed_at is set, in the same database
-- transaction, when it is done, and the step never runs again.
CREATE TABLE upgrade_step (
    step         VARCHAR(63)              NOT NULL PRIMARY KEY,
    completed_at TIMESTAMP WITH TIME ZONE
);

-- A database on which the move from the version with database inboxes already ran to its end before this table
-- existed (inbox handovers recorded, that version's state tables emptied) must not run it again: the delivery
-- group's offsets it left behind lie before everything this version has written since.
INSERT INTO upgrade_step (step, completed_at)
SELECT 'previous-version', CURRENT_TIMESTAMP
WHERE EXISTS (SELECT 1 FROM inbox_handover)
  AND NOT EXISTS (SELECT 1 FROM processed_message)
  AND NOT EXISTS (SELECT 1 FROM case_party);
