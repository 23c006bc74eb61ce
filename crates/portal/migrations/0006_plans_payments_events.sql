-- Tessera portal schema, version 6: what the catalog sells (plans), orders placed from them that
-- wait for their payment, the payments recorded, the counters that number orders, and the event
-- log. Portable like 0001 (TEXT ids, BIGINT Unix seconds, money in minor units).

CREATE TABLE plans (
    id                 TEXT PRIMARY KEY,
    edition_id         TEXT NOT NULL REFERENCES editions (id),
    sku                TEXT NOT NULL UNIQUE,     -- what an order names, e.g. LED-STD-1Y
    name               TEXT NOT NULL,            -- what its order line reads, e.g. Acme Ledger Standard, 1 year
    term_months        BIGINT,                   -- NULL: perpetual
    currency           TEXT NOT NULL,            -- ISO 4217
    unit_price_minor   BIGINT NOT NULL,          -- per user, for the whole term
    machines_per_user  BIGINT NOT NULL,
    support_years      BIGINT NOT NULL,          -- included from the term's start; 0: none
    trial_days         BIGINT NOT NULL,
    retired_at         BIGINT,                   -- no longer sold; kept for what was sold
    created_at         BIGINT NOT NULL,
    CHECK (unit_price_minor >= 0 AND machines_per_user >= 1 AND support_years >= 0 AND trial_days >= 0)
);

-- Orders recorded before this version were paid when placed: their licenses exist already.
ALTER TABLE orders ADD COLUMN status TEXT NOT NULL DEFAULT 'paid';            -- awaiting_payment | paid | cancelled | refunded
ALTER TABLE orders ADD COLUMN payment_method TEXT NOT NULL DEFAULT 'bank_transfer';  -- bank_transfer | card
ALTER TABLE orders ADD COLUMN paid_at BIGINT;                                 -- when the payment arrived
UPDATE orders SET paid_at = placed_at;
CREATE INDEX orders_by_customer_status ON orders (customer_id, status);

ALTER TABLE order_items ADD COLUMN plan_id TEXT REFERENCES plans (id);        -- NULL: a line recorded by hand
ALTER TABLE order_items ADD COLUMN unit_price_minor BIGINT NOT NULL DEFAULT 0;
UPDATE order_items SET unit_price_minor = subtotal_minor / quantity WHERE quantity > 0;

CREATE TABLE payments (
    id               TEXT PRIMARY KEY,
    order_id         TEXT NOT NULL UNIQUE REFERENCES orders (id),  -- an order is paid once, in full
    amount_minor     BIGINT NOT NULL,
    currency         TEXT NOT NULL,
    paid_at          BIGINT NOT NULL,            -- when the money arrived: the licenses' term starts then
    method           TEXT NOT NULL,              -- bank_transfer | card
    bank_reference   TEXT UNIQUE,                -- a transfer's reference is recorded once
    idempotency_key  TEXT UNIQUE,                -- the vendor API's Idempotency-Key: a retry does nothing
    recorded_by      TEXT NOT NULL,              -- the actor, as in events
    recorded_at      BIGINT NOT NULL
);

-- Numbers handed out once each: order references, invoice numbers per year.
CREATE TABLE counters (
    name   TEXT PRIMARY KEY,
    value  BIGINT NOT NULL
);

-- What happened, appended and never edited.
CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    at            BIGINT NOT NULL,
    actor         TEXT NOT NULL,                 -- cli, staff:<e-mail>, api:<token>, customer:<id>, machine:<id>, system
    source_ip     TEXT,
    kind          TEXT NOT NULL,                 -- order_placed, payment_recorded, license_issued, license_suspended, ...
    customer_id   TEXT,
    license_id    TEXT,
    order_id      TEXT,
    subject       TEXT NOT NULL,                 -- what it is about as people quote it: JWT1001, P71
    before_state  TEXT,                          -- JSON, or NULL
    after_state   TEXT                           -- JSON, or NULL
);
CREATE INDEX events_by_time ON events (at, id);
CREATE INDEX events_by_customer ON events (customer_id, at);
CREATE INDEX events_by_license ON events (license_id, at);
