-- Tessera portal schema, version 24: the people of a partner or reseller who sign in to the
-- partner console (/partner, seed 003) in a web session of their own, and the one-time links
-- with which they set their password.

CREATE TABLE partner_staff (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),   -- a partner or a reseller
    email            TEXT NOT NULL UNIQUE,     -- the sign-in name, lower case
    password_hash    TEXT,                     -- Argon2id PHC string; none until the link is used
    created_at       BIGINT NOT NULL,
    disabled_at      BIGINT                    -- signs in no more
);
CREATE INDEX partner_staff_by_organisation ON partner_staff (organisation_id);

-- Only the SHA-256 of a link's token is kept: a copy of the database opens nothing.
CREATE TABLE partner_password_links (
    token_hash        TEXT PRIMARY KEY,
    partner_staff_id  TEXT NOT NULL REFERENCES partner_staff (id),
    created_at        BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL,
    used_at           BIGINT                   -- works once
);

ALTER TABLE web_sessions ADD COLUMN partner_staff_id TEXT REFERENCES partner_staff (id);  -- a partner console session
