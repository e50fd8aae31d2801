-- Collaboration log for research: pseudonymised entries, the case -> participant map fed by referrals,
-- events waiting for their referral, and the participants who left the log. No national id, no free text.

CREATE TABLE log_entry (
    entry_id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    project                      VARCHAR(64)  NOT NULL,
    participant_key              VARCHAR(64)  NOT NULL,
    case_key                     VARCHAR(64)  NOT NULL,
    event_kind                   VARCHAR(40)  NOT NULL,
    event_date                   DATE         NOT NULL,
    referral_date                DATE,
    recorded_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    sender_sector                VARCHAR(16)  NOT NULL,
    sender_organisation          VARCHAR(20)  NOT NULL,
    recipient_sector             VARCHAR(16)  NOT NULL,
    recipient_organisation       VARCHAR(20)  NOT NULL,
    team                         VARCHAR(64)  NOT NULL,
    nav_office                   VARCHAR(64)  NOT NULL,
    job_specialist_key           VARCHAR(64),
    employer_organisation_number VARCHAR(9),
    styrk_code                   VARCHAR(4),
    hours_per_week               DOUBLE PRECISION,
    hourly_wage                  NUMERIC(9, 2),
    competitive                  BOOLEAN,
    permanent                    BOOLEAN,
    wage_subsidy                 BOOLEAN,
    rejection_reason             VARCHAR(40),
    stored_at                    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX log_entry_participant ON log_entry (participant_key);
CREATE INDEX log_entry_case ON log_entry (case_key);
CREATE INDEX log_entry_event_date ON log_entry (event_date);

-- One row per case seen in a referral. Withdrawn cases keep only the pseudonyms and the status.
CREATE TABLE log_case (
    case_key           VARCHAR(64) NOT NULL PRIMARY KEY,
    participant_key    VARCHAR(64) NOT NULL,
    status             VARCHAR(16) NOT NULL,
    team               VARCHAR(64),
    nav_office         VARCHAR(64),
    referral_date      DATE,
    job_specialist_key VARCHAR(64),
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX log_case_participant ON log_case (participant_key);

-- Follow-ups and outcomes whose referral has not been read yet; settled when it arrives, purged after
-- hub.research.pending-retention.
CREATE TABLE log_pending_event (
    entry_id                     VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_key                     VARCHAR(64)  NOT NULL,
    event_kind                   VARCHAR(40)  NOT NULL,
    event_date                   DATE         NOT NULL,
    recorded_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    sender_sector                VARCHAR(16)  NOT NULL,
    sender_organisation          VARCHAR(20)  NOT NULL,
    recipient_sector             VARCHAR(16)  NOT NULL,
    recipient_organisation       VARCHAR(20)  NOT NULL,
    employer_organisation_number VARCHAR(9),
    styrk_code                   VARCHAR(4),
    hours_per_week               DOUBLE PRECISION,
    hourly_wage                  NUMERIC(9, 2),
    competitive                  BOOLEAN,
    permanent                    BOOLEAN,
    wage_subsidy                 BOOLEAN,
    rejection_reason             VARCHAR(40),
    parked_at                    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX log_pending_event_case ON log_pending_event (case_key);
CREATE INDEX log_pending_event_parked ON log_pending_event (parked_at);

-- Participants who withdrew or refused consent: nothing of theirs enters the log again in this project.
CREATE TABLE log_withdrawn_participant (
    participant_key VARCHAR(64) NOT NULL PRIMARY KEY,
    reason          VARCHAR(32) NOT NULL,
    effective_on    DATE        NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
