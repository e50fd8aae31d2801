-- The release ledger keeps per audience (a researcher on a project, a project's publication-safe tables, a table
-- reader) and statistic the sets shown; those that added to what the audience can work out are its basis, the only
-- ones read back for later checks. Rows from before this column are all read back.
ALTER TABLE research_release ADD COLUMN basis BOOLEAN DEFAULT TRUE NOT NULL;

-- The research project an audit row concerns; null for rows that concern none (partner changes) and for rows written
-- before projects were recorded. Covered by the row's hash when set.
ALTER TABLE research_audit ADD COLUMN project VARCHAR(64);
CREATE INDEX research_audit_project ON research_audit (project, seq);
