-- Tessera portal schema, version 17: cards through a payment provider (shared/BILLING.md
-- "Payments"). Only the provider's ids and a card's brand, last four digits and expiry are
-- kept, never its number. Every charge is a row before the provider is asked, under the
-- idempotency key it is asked with: two attempts of one change never charge twice.

-- A customer's account at the provider.
CREATE TABLE provider_customers (
    customer_id           TEXT NOT NULL REFERENCES customers (id),
    provider              TEXT NOT NULL,    -- stripe | test
    provider_customer_id  TEXT NOT NULL,
    created_at            BIGINT NOT NULL,
    PRIMARY KEY (customer_id, provider)
);

-- A page of the provider's where a customer adds a card, while it is open.
CREATE TABLE card_setups (
    session_id    TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL REFERENCES customers (id),
    provider      TEXT NOT NULL,
    created_at    BIGINT NOT NULL,
    completed_at  BIGINT
);

CREATE TABLE cards (
    id            TEXT PRIMARY KEY,
    customer_id   TEXT NOT NULL REFERENCES customers (id),
    provider      TEXT NOT NULL,
    provider_id   TEXT NOT NULL,            -- pm_…
    brand         TEXT NOT NULL,
    last4         TEXT NOT NULL,
    exp_month     BIGINT NOT NULL,
    exp_year      BIGINT NOT NULL,
    -- The card charged for renewals: the one chosen last; 0 for the others.
    default_since BIGINT NOT NULL DEFAULT 0,
    created_at    BIGINT NOT NULL,
    removed_at    BIGINT,
    UNIQUE (provider, provider_id)
);
CREATE INDEX cards_by_customer ON cards (customer_id);

-- Every attempt to charge a card.
CREATE TABLE card_charges (
    id               TEXT PRIMARY KEY,
    idempotency_key  TEXT NOT NULL UNIQUE,  -- <purpose>:<attempt>
    purpose          TEXT NOT NULL,         -- subscription + period start + change (or renewal)
    attempt          BIGINT NOT NULL,
    customer_id      TEXT NOT NULL REFERENCES customers (id),
    subscription_id  TEXT REFERENCES subscriptions (id),
    card_id          TEXT NOT NULL REFERENCES cards (id),
    amount_minor     BIGINT NOT NULL,
    currency         TEXT NOT NULL,
    -- pending (asked) | succeeded | declined | unsettled (no answer: repeat with the same key)
    -- | failed (refused) | refunded (charged, then what it paid for could not be made)
    status           TEXT NOT NULL,
    provider_charge_id TEXT,
    order_id         TEXT REFERENCES orders (id),
    reason           TEXT,
    created_at       BIGINT NOT NULL,
    updated_at       BIGINT NOT NULL,
    UNIQUE (purpose, attempt)
);
CREATE INDEX card_charges_by_subscription ON card_charges (subscription_id);
