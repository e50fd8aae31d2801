-- Contract version 3 in the log: a handover names the specialist before it, a measure change its code and end date,
-- a closure and a job end their reason codes.
ALTER TABLE log_entry ADD COLUMN previous_job_specialist_key VARCHAR(64);
ALTER TABLE log_entry ADD COLUMN nav_measure_code VARCHAR(32);
ALTER TABLE log_entry ADD COLUMN measure_end_date DATE;
ALTER TABLE log_entry ADD COLUMN closure_reason VARCHAR(32);
ALTER TABLE log_entry ADD COLUMN job_end_reason VARCHAR(32);
CREATE INDEX log_entry_project_event_date ON log_entry (project, event_date);

ALTER TABLE log_pending_event ADD COLUMN job_specialist_key VARCHAR(64);
ALTER TABLE log_pending_event ADD COLUMN nav_measure_code VARCHAR(32);
ALTER TABLE log_pending_event ADD COLUMN measure_end_date DATE;
ALTER TABLE log_pending_event ADD COLUMN closure_reason VARCHAR(32);
ALTER TABLE log_pending_event ADD COLUMN job_end_reason VARCHAR(32);
