-- Tessera portal schema, version 28: named users' one-time codes and places freed at Unbind
-- (issue #13). Portable like 0001 (TEXT ids, BIGINT Unix seconds).

-- A one-time code mailed to a company account's address, to activate a machine without the
-- password. Keyed by the address's SHA-256, not the account: a request for an address nobody
-- registered stores a code too (never mailed), so answers never tell which addresses exist.
-- Only the code's salted SHA-256 is kept. The newest code of an address is the one in force.
CREATE TABLE user_codes (
    id          TEXT PRIMARY KEY,
    email_hash  TEXT NOT NULL,
    code_hash   TEXT NOT NULL,
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    attempts    BIGINT NOT NULL DEFAULT 0,   -- wrong codes tried; void at the limit
    used_at     BIGINT                        -- set once, by a conditional UPDATE
);
CREATE INDEX user_codes_by_email ON user_codes (email_hash, created_at);

-- A named user's machine whose seat was unbound: it no longer counts against the license
-- (its place was given back at Unbind) but stays known, so that its next refresh is answered
-- REVOKED with the administrator's reason and only then forgotten.
ALTER TABLE machines ADD COLUMN released_at BIGINT;
