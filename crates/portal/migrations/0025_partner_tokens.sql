-- Tessera portal schema, version 25: the Partner API's tokens (a partner's or reseller's own
-- bearer tokens, kept with the vendor's, bound to their organisation), the contact a partner
-- or reseller is mailed at and its language, and the renewal reminders of clients' terms.

ALTER TABLE api_tokens ADD COLUMN organisation_id TEXT REFERENCES organisations (id);   -- a partner token's organisation; none for the vendor's
-- One token in force per name, per organisation (the vendor's being the one without).
DROP INDEX api_tokens_name_in_force;
CREATE UNIQUE INDEX api_tokens_name_in_force ON api_tokens (COALESCE(organisation_id, ''), name) WHERE revoked_at IS NULL;

ALTER TABLE organisations ADD COLUMN email TEXT;                         -- the partner's or reseller's staff contact, for its mails
ALTER TABLE organisations ADD COLUMN language TEXT NOT NULL DEFAULT 'en'; -- the language of its mails

-- A client's term ending (90, 30 and 7 days before), one row per reminder queued, so each is
-- mailed once whichever portal process finds it due.
CREATE TABLE client_term_reminders (
    term_id      TEXT NOT NULL REFERENCES client_terms (id),
    days_before  BIGINT NOT NULL,            -- 90, 30 or 7
    queued_at    BIGINT NOT NULL,
    PRIMARY KEY (term_id, days_before)
);
CREATE INDEX client_terms_by_end ON client_terms (ends_on);
