-- Tessera portal schema, version 12: the back office's optional second factor, a time-based
-- one-time password (RFC 6238). The shared secret is kept here as the password hashes are
-- (the database and the data dir are the portal's secrets): it never leaves the server after
-- the enrolment page showed it once, and is never logged.

ALTER TABLE staff ADD COLUMN totp_secret TEXT;       -- base32; NULL: the second factor is off
ALTER TABLE staff ADD COLUMN totp_pending TEXT;      -- base32; shown at enrolment, on once a code of it is confirmed
ALTER TABLE staff ADD COLUMN totp_last_step BIGINT;  -- the last 30-second step accepted: no code twice

-- A sign-in whose password was right, waiting for its code: bound to the browser's session
-- (the SHA-256 of its cookie token), for five minutes.
CREATE TABLE staff_sign_ins (
    token_hash  TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    expires_at  BIGINT NOT NULL
);
