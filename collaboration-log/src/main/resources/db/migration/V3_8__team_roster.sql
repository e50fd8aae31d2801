-- The job specialists a treatment team sends as its roster, with their first and last day on the team (none while
-- still on it), pseudonymised at once with each research project's key: a ref is never stored. A team's new roster
-- replaces its earlier one in every project.
CREATE TABLE team_roster (
    project            VARCHAR(64)  NOT NULL,
    team               VARCHAR(64)  NOT NULL,
    job_specialist_key VARCHAR(64)  NOT NULL,
    start_date         DATE         NOT NULL,
    end_date           DATE,
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (project, team, job_specialist_key, start_date)
);
CREATE INDEX team_roster_team ON team_roster (team);
