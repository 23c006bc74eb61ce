-- Tessera portal schema, version 10: the reminders that a license's term is ending (90, 30
-- and 7 days before, and on the day it ended), one row per reminder queued, so each is mailed
-- once whichever portal process finds it due. A term extended is a new end: reminders start over.

CREATE TABLE term_reminders (
    license_id   TEXT NOT NULL REFERENCES licenses (id),
    expires_at   BIGINT NOT NULL,            -- the end of term the reminder was about
    days_before  BIGINT NOT NULL,            -- 90, 30, 7, or 0 (the term has ended)
    queued_at    BIGINT NOT NULL,
    PRIMARY KEY (license_id, expires_at, days_before)
);

CREATE INDEX licenses_by_expiry ON licenses (expires_at);
