-- Message ids the hub has published to a canonical topic: the idempotency store. Rows older than the
-- retention window (hub.idempotency.retention) are purged; the inbox store dedupes beyond it.
CREATE TABLE processed_message (
    message_id      VARCHAR(36)              NOT NULL PRIMARY KEY,
    sender          VARCHAR(63)              NOT NULL,
    case_id         VARCHAR(100)             NOT NULL,
    canonical_topic VARCHAR(249)             NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX processed_message_recorded_at ON processed_message (recorded_at);
