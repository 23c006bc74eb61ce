-- Tessera portal schema, version 2: sessions of the customer web pages. Portable like 0001.

CREATE TABLE web_sessions (
    token_hash   TEXT PRIMARY KEY,             -- SHA-256 of the cookie's token; the token itself is never stored
    customer_id  TEXT REFERENCES customers (id), -- NULL until the visitor signs in (the sign-in form needs a CSRF token)
    csrf_token   TEXT NOT NULL,                -- every form of the session carries it; every POST is checked against it
    language     TEXT,                         -- en | fr | it | bg | ru once chosen with the switcher
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at);
