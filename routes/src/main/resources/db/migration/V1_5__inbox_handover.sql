-- Where each partner's inbox continues on its inbox topic after the inbox rows kept from earlier hub versions
-- (inbox_message, no longer written): the topic's end offsets when this version first started. A cursor of an
-- earlier version (a seq value) reads the remaining rows, then the topic from these offsets.
CREATE TABLE inbox_handover (
    recipient    VARCHAR(63) NOT NULL,
    partition_no INTEGER     NOT NULL,
    start_offset BIGINT      NOT NULL,
    PRIMARY KEY (recipient, partition_no)
);
