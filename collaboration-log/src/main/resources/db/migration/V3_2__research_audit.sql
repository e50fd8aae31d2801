-- Append-only, hash-chained audit trail of research reads, exports and consent withdrawals.
-- hash = SHA-256(previous_hash || canonical row content); the head row holds the newest link so that a
-- removed tail is noticed too. The hub's database role needs only INSERT and SELECT on research_audit.

CREATE TABLE research_audit (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    actor         VARCHAR(200) NOT NULL,
    action        VARCHAR(40)  NOT NULL,
    query         TEXT         NOT NULL,
    row_count     BIGINT       NOT NULL,
    previous_hash VARCHAR(64)  NOT NULL,
    hash          VARCHAR(64)  NOT NULL
);

CREATE TABLE research_audit_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64) NOT NULL
);

INSERT INTO research_audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
