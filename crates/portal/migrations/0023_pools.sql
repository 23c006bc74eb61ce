-- Tessera portal schema, version 23: partner and reseller pools (seed 003, BILLING.md
-- "Partner and reseller pools"). Organisations vendor → partner → reseller → client company;
-- pools of license-years per (organisation, product), changed only with a row of the
-- append-only ledger in the same transaction; the terms bought for clients.

CREATE TABLE organisations (
    id           TEXT PRIMARY KEY,
    kind         TEXT NOT NULL,                         -- partner | reseller | client
    name         TEXT NOT NULL,
    parent_id    TEXT REFERENCES organisations (id),    -- none for a partner (the vendor's); a reseller's partner; a client's partner or reseller
    customer_id  TEXT REFERENCES customers (id),        -- a client company that is also a customer
    created_at   BIGINT NOT NULL,
    changed_at   BIGINT NOT NULL                        -- written first by a renewal: renewals of one client take turns
);
CREATE INDEX organisations_by_parent ON organisations (parent_id);

CREATE TABLE license_pools (
    id               TEXT PRIMARY KEY,
    organisation_id  TEXT NOT NULL REFERENCES organisations (id),
    product_id       TEXT NOT NULL REFERENCES products (id),
    balance          BIGINT NOT NULL CHECK (balance >= 0),   -- license-years left: the sum of its ledger rows
    UNIQUE (organisation_id, product_id)
);

CREATE TABLE pool_ledger (
    id               TEXT PRIMARY KEY,
    pool_id          TEXT NOT NULL REFERENCES license_pools (id),
    kind             TEXT NOT NULL,      -- grant | transfer | allocate | return
    amount           BIGINT NOT NULL,    -- license-years into the pool (+) or out of it (-)
    order_id         TEXT REFERENCES orders (id),       -- a grant's paid order
    other_pool_id    TEXT REFERENCES license_pools (id), -- a transfer's other side
    term_id          TEXT,               -- an allocation's or return's client term
    actor            TEXT NOT NULL,      -- as in events
    at               BIGINT NOT NULL
);
CREATE INDEX pool_ledger_by_pool ON pool_ledger (pool_id, at);
-- A paid order grants once.
CREATE UNIQUE INDEX pool_ledger_one_grant_per_order ON pool_ledger (order_id) WHERE kind = 'grant';

CREATE TABLE client_terms (
    id             TEXT PRIMARY KEY,
    client_id      TEXT NOT NULL REFERENCES organisations (id),
    product_id     TEXT NOT NULL REFERENCES products (id),
    users          BIGINT NOT NULL,
    years          BIGINT NOT NULL,
    starts_on      TEXT NOT NULL,        -- YYYY-MM-DD
    ends_on        TEXT NOT NULL,        -- YYYY-MM-DD, the first day without licenses
    pool_id        TEXT NOT NULL REFERENCES license_pools (id),   -- the pool it was paid from
    created_at     BIGINT NOT NULL,
    cancelled_at   BIGINT                -- cancelled before it started: its license-years returned
);
CREATE INDEX client_terms_by_client ON client_terms (client_id, starts_on);
