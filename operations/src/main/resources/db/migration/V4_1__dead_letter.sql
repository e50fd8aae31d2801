-- The operators' index of the dead-letter topic. One row per failed message: a message that fails again
-- (for instance after a replay whose cause was not fixed) updates its row (attempts, last failure) instead
-- of adding another, matched by partner and the SHA-256 fingerprint of its original bytes. original_value
-- holds the bytes as they failed, so that a replay puts exactly them back on the partner's ingress topic.
CREATE TABLE dead_letter (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    partner          VARCHAR(63),
    reason_code      VARCHAR(40)              NOT NULL,
    reason           TEXT                     NOT NULL,
    message_id       VARCHAR(100),
    route_id         VARCHAR(100)             NOT NULL,
    source_topic     VARCHAR(249)             NOT NULL,
    source_partition INTEGER                  NOT NULL,
    source_offset    BIGINT                   NOT NULL,
    first_failure_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_failure_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts         INTEGER                  NOT NULL,
    status           VARCHAR(16)              NOT NULL,
    fingerprint      VARCHAR(64)              NOT NULL,
    original_key     BYTEA,
    original_value   BYTEA,
    original_size    INTEGER                  NOT NULL,
    replay_count     INTEGER                  NOT NULL DEFAULT 0,
    discard_reason   TEXT,
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMP WITH TIME ZONE,
    indexed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX dead_letter_last_failure ON dead_letter (last_failure_at);
CREATE INDEX dead_letter_status ON dead_letter (status, last_failure_at);
CREATE INDEX dead_letter_partner ON dead_letter (partner, last_failure_at);
CREATE INDEX dead_letter_fingerprint ON dead_letter (fingerprint);

-- Every DeadLetter record indexed so far, by its deadLetterId, so that reading the topic again (after a
-- crash before the offset commit) neither adds rows nor counts attempts twice.
CREATE TABLE dead_letter_record (
    dead_letter_id VARCHAR(36)              NOT NULL PRIMARY KEY,
    entry_id       VARCHAR(36)              NOT NULL,
    indexed_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
