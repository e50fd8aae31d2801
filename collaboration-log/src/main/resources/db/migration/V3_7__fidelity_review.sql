-- IPS-25 scores given by fidelity reviewers on site, per project, team, review date and item (1-25, score 1-5),
-- imported as CSV by the project's researchers; a new import of the same team and date replaces its scores.
CREATE TABLE fidelity_review (
    project     VARCHAR(64)  NOT NULL,
    team        VARCHAR(64)  NOT NULL,
    review_date DATE         NOT NULL,
    item        INTEGER      NOT NULL,
    score       INTEGER      NOT NULL,
    imported_at TIMESTAMP WITH TIME ZONE NOT NULL,
    imported_by VARCHAR(200) NOT NULL,
    PRIMARY KEY (project, team, review_date, item)
);
