-- Tessera portal schema, version 15: subscriptions (seed 001, shared/BILLING.md). A
-- subscription owns one license, which follows it (users, edition, expiry); its changes in
-- the current period are kept in order, so the period is recomputed from its whole history
-- and what is invoiced is the difference from what was invoiced before.

CREATE TABLE subscriptions (
    id                    TEXT PRIMARY KEY,
    customer_id           TEXT NOT NULL REFERENCES customers (id),
    license_id            TEXT NOT NULL UNIQUE REFERENCES licenses (id),
    status                TEXT NOT NULL,    -- trialing | active | past_due | suspended | cancelling | ended
    payment_method        TEXT NOT NULL,    -- bank_transfer | card
    currency              TEXT NOT NULL,
    trial_ends_on         TEXT,             -- ISO day; NULL: not a trial
    anchor                TEXT NOT NULL,    -- ISO day the first paid period starts (a trial's end)
    -- The current period as it stood at its start: what proration reads.
    period_start          TEXT NOT NULL,    -- ISO day, inclusive
    period_end            TEXT NOT NULL,    -- ISO day, exclusive
    period_interval       TEXT NOT NULL,    -- month | year
    period_plan_id        TEXT NOT NULL REFERENCES plans (id),
    period_unit_price     BIGINT NOT NULL,  -- minor units per user per period
    period_quantity       BIGINT NOT NULL,
    -- What the period's changes have invoiced so far (charges minus credits, minor units).
    invoiced_minor        BIGINT NOT NULL DEFAULT 0,
    -- Credit kept for the next invoices; never paid out.
    credit_minor          BIGINT NOT NULL DEFAULT 0,
    -- Every change bumps it: a change computed on an older version is refused, not lost.
    version               BIGINT NOT NULL DEFAULT 0,
    created_at            BIGINT NOT NULL,
    ended_at              BIGINT,
    CHECK (period_quantity >= 1 AND credit_minor >= 0)
);
CREATE INDEX subscriptions_by_customer ON subscriptions (customer_id);

-- The changes made in a subscription's current period, in order (`seq`).
CREATE TABLE subscription_changes (
    id               TEXT PRIMARY KEY,
    subscription_id  TEXT NOT NULL REFERENCES subscriptions (id),
    period_start     TEXT NOT NULL,         -- the period it was made in
    seq              BIGINT NOT NULL,
    at               TEXT NOT NULL,         -- ISO day, in the billing time zone
    kind             TEXT NOT NULL,         -- quantity | plan | interval | cancel | resume
    quantity         BIGINT,
    plan_id          TEXT REFERENCES plans (id),
    unit_price       BIGINT,                -- the plan's price when the change was made
    interval         TEXT,
    actor            TEXT NOT NULL,
    created_at       BIGINT NOT NULL,
    UNIQUE (subscription_id, period_start, seq)
);

-- An order that charges a subscription (its first period, a change, a renewal).
ALTER TABLE orders ADD COLUMN subscription_id TEXT REFERENCES subscriptions (id);
