-- Which treatment team and which NAV office share a case, recorded when the hub accepts the case's
-- referral, so that follow-ups and outcomes can be checked against it after any restart.
CREATE TABLE case_party (
    case_id              VARCHAR(100)             NOT NULL,
    team                 VARCHAR(63)              NOT NULL,
    nav_office           VARCHAR(63)              NOT NULL,
    opened_by_message_id VARCHAR(36)              NOT NULL,
    opened_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (case_id, team, nav_office)
);
