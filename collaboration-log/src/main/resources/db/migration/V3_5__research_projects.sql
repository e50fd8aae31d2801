-- Research projects: the default one (defined by hub.research, synchronised at start-up; its key stays in its key
-- file) and those operators add at run time (their key sealed with hub.research.project-seal-key). Rows of the log
-- tables belong to a project through their keys, which are the project's own HMACs.
CREATE TABLE research_project (
    code            VARCHAR(64)  NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    min_cell_size   INTEGER      NOT NULL,
    sealed_key      BYTEA,
    default_project BOOLEAN      NOT NULL,
    all_researchers BOOLEAN      NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE research_project_researcher (
    project    VARCHAR(64)  NOT NULL,
    researcher VARCHAR(200) NOT NULL,
    PRIMARY KEY (project, researcher)
);

-- Accounts that read a project's tables only, with the teams and NAV offices their tables cover (comma-separated
-- partner ids; empty: all).
CREATE TABLE research_table_reader (
    name        VARCHAR(200)  NOT NULL PRIMARY KEY,
    project     VARCHAR(64)   NOT NULL,
    teams       VARCHAR(2000) NOT NULL,
    nav_offices VARCHAR(2000) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Bumped by every change to the tables above, so each instance reloads its directory when, and only when, it changed.
CREATE TABLE research_directory_version (
    id      INTEGER NOT NULL PRIMARY KEY,
    version BIGINT  NOT NULL
);
INSERT INTO research_directory_version (id, version) VALUES (1, 0);
