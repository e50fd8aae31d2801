-- Accounts operators add while the hub runs (table readers), beside those of hub.security.accounts: the hashes of
-- their API keys only (comma-separated, newest first; two while a key is being rotated).
CREATE TABLE hub_account (
    name           VARCHAR(200)  NOT NULL PRIMARY KEY,
    role           VARCHAR(32)   NOT NULL,
    api_key_hashes VARCHAR(2000) NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
