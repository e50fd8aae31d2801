-- The partner directory: every partner the hub knows, added at run time by operators or seeded from the partners
-- file when the table is empty. Removed partners keep their row (status REMOVED) so that their id, which names an
-- inbox topic that still holds their messages, is never given to another partner.
CREATE TABLE partner (
    id                 VARCHAR(63)  NOT NULL PRIMARY KEY,
    listed_as          BIGINT       NOT NULL,
    display_name       VARCHAR(200) NOT NULL,
    sector             VARCHAR(10)  NOT NULL,
    organisation       VARCHAR(9)   NOT NULL,
    token_organisation VARCHAR(9),
    status             VARCHAR(10)  NOT NULL,
    api_keys_enabled   BOOLEAN      NOT NULL,
    -- PBKDF2 hashes of the partner's API keys, one per line; never a key
    api_key_hashes     VARCHAR(2000) NOT NULL,
    changed_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
