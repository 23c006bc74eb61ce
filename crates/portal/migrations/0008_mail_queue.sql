-- Tessera portal schema, version 8: the mail queue (a mail is written in the transaction of
-- the change that causes it and sent afterwards, with retries), and the customer's language.

CREATE TABLE mail_queue (
    id               TEXT PRIMARY KEY,          -- also the Message-ID's local part
    kind             TEXT NOT NULL,             -- payment_recorded, license_suspended, license_revoked, password_reset, invitation
    recipient        TEXT NOT NULL,
    language         TEXT NOT NULL,             -- en | fr | it | bg | ru
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT,
    customer_id      TEXT,
    order_id         TEXT,
    license_id       TEXT,
    carries_secret   BIGINT NOT NULL DEFAULT 0, -- 1: its body holds a secret link, blanked once sent
    status           TEXT NOT NULL,             -- queued | sent | failed
    attempts         BIGINT NOT NULL DEFAULT 0,
    next_attempt_at  BIGINT NOT NULL,
    claimed_until    BIGINT,                    -- a sender is on it until then
    last_error       TEXT,
    created_at       BIGINT NOT NULL,
    sent_at          BIGINT
);
CREATE INDEX mail_queue_due ON mail_queue (status, next_attempt_at);
CREATE INDEX mail_queue_by_customer ON mail_queue (customer_id, created_at);

ALTER TABLE customers ADD COLUMN language TEXT NOT NULL DEFAULT 'en';  -- the language of their mail
