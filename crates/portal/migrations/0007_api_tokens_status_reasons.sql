-- Tessera portal schema, version 7: the vendor API's tokens, the reason a customer reads for a
-- suspension or revocation, and orders placed again with the same Idempotency-Key.

CREATE TABLE api_tokens (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,             -- as the vendor calls it: shop, crm
    token_hash    TEXT NOT NULL UNIQUE,      -- SHA-256 of the token, which is shown once
    prefix        TEXT NOT NULL,             -- its first characters, to tell tokens apart
    scopes        TEXT NOT NULL,             -- space-separated: customers orders licenses events
    created_at    BIGINT NOT NULL,
    created_by    TEXT NOT NULL,             -- the actor, as in events
    last_used_at  BIGINT,
    revoked_at    BIGINT                     -- opens nothing from then on; kept for the log
);
-- One token in force per name; revoked ones keep theirs.
CREATE UNIQUE INDEX api_tokens_name_in_force ON api_tokens (name) WHERE revoked_at IS NULL;

ALTER TABLE licenses ADD COLUMN status_reason TEXT;   -- why it is suspended or revoked, as the customer reads it

ALTER TABLE orders ADD COLUMN idempotency_key TEXT;   -- the vendor API's Idempotency-Key of the call that placed it
CREATE UNIQUE INDEX orders_by_idempotency_key ON orders (idempotency_key);
