-- Consent given again: a participant who withdrew is back in the log from this day on (null: still out).
ALTER TABLE log_withdrawn_participant ADD COLUMN consented_again_on DATE;

-- The differencing check of research answers: per researcher and measure, the participants behind every value
-- that researcher was shown, as sorted 64-bit hashes of the pseudonymous keys (8 bytes each) and a fingerprint.
CREATE TABLE research_release (
    researcher   VARCHAR(200) NOT NULL,
    measure      VARCHAR(80)  NOT NULL,
    fingerprint  VARCHAR(64)  NOT NULL,
    participants INTEGER      NOT NULL,
    members      BYTEA        NOT NULL,
    released_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (researcher, measure, fingerprint)
);

-- One row per researcher, locked while an answer is checked and recorded, so answers asked for at once are
-- checked against each other.
CREATE TABLE research_release_owner (
    researcher VARCHAR(200) NOT NULL PRIMARY KEY
);
