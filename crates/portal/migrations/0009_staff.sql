-- Tessera portal schema, version 9: the vendor's staff, who sign in to the back office
-- (/admin) in a web session of their own.

CREATE TABLE staff (
    id             TEXT PRIMARY KEY,
    email          TEXT NOT NULL UNIQUE,     -- the sign-in name, lower case
    name           TEXT NOT NULL,
    role           TEXT NOT NULL,            -- admin (everything) | support (reads; resends, frees, suspends)
    password_hash  TEXT,                     -- Argon2id PHC string
    created_at     BIGINT NOT NULL,
    disabled_at    BIGINT                    -- signs in no more
);

ALTER TABLE web_sessions ADD COLUMN staff_id TEXT REFERENCES staff (id);  -- a back-office session; NULL for customers
