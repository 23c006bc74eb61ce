-- Tessera portal schema, version 3: customer accounts signing in with e-mail and password,
-- and single-use password-reset links. Portable like 0001 (TEXT ids, BIGINT Unix seconds).

CREATE TABLE customer_users (
    id             TEXT PRIMARY KEY,
    customer_id    TEXT NOT NULL REFERENCES customers (id),
    email          TEXT NOT NULL UNIQUE,      -- lower-case
    password_hash  TEXT,                      -- Argon2id PHC string; NULL until the invited user sets one
    created_at     BIGINT NOT NULL
);
CREATE INDEX customer_users_by_customer ON customer_users (customer_id);

CREATE TABLE password_resets (
    token_hash  TEXT PRIMARY KEY,             -- SHA-256 of the link's token; the token itself is never stored
    user_id     TEXT NOT NULL REFERENCES customer_users (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT                        -- set when the link sets a password: a link works once
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- The account a web session signed in with a password (NULL for e-mail + order number).
ALTER TABLE web_sessions ADD COLUMN user_id TEXT REFERENCES customer_users (id);
