-- When each partner last sent a message the hub accepted and last had one delivered to its inbox, fed by the
-- partner-activity route from the canonical topics (off the path of the messages themselves).
CREATE TABLE partner_activity (
    partner          VARCHAR(63)              NOT NULL PRIMARY KEY,
    last_sent_at     TIMESTAMP WITH TIME ZONE,
    last_received_at TIMESTAMP WITH TIME ZONE
);
