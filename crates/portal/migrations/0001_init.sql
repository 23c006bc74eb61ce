-- Tessera portal schema, version 1. Portable: runs unchanged on SQLite and PostgreSQL.
-- Ids are text; times are Unix seconds (BIGINT); money is in minor units (BIGINT cents);
-- lists and objects are JSON text.

CREATE TABLE products (
    id            TEXT PRIMARY KEY,            -- product id used in fingerprints, e.g. acme-ledger
    name          TEXT NOT NULL,
    match_policy  TEXT NOT NULL,               -- exact | fuzzy | loose
    refresh_days  BIGINT NOT NULL,             -- refresh_after = issue + refresh_days
    grace_days    BIGINT NOT NULL,             -- refresh_by = refresh_after + grace_days
    created_at    BIGINT NOT NULL
);

CREATE TABLE editions (
    id          TEXT PRIMARY KEY,
    product_id  TEXT NOT NULL REFERENCES products (id),
    name        TEXT NOT NULL,
    sku         TEXT NOT NULL UNIQUE,
    features    TEXT NOT NULL,                 -- JSON array of strings
    UNIQUE (product_id, name)
);

CREATE TABLE customers (
    id              TEXT PRIMARY KEY,
    company         TEXT NOT NULL,
    email           TEXT NOT NULL UNIQUE,      -- lower case
    country         TEXT NOT NULL,
    city            TEXT NOT NULL,
    activation_key  TEXT NOT NULL UNIQUE,      -- canonical form; shown on the customer's home page
    created_at      BIGINT NOT NULL
);

CREATE TABLE contacts (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    first_name   TEXT NOT NULL,
    last_name    TEXT NOT NULL,
    email        TEXT NOT NULL,
    created_at   BIGINT NOT NULL
);

CREATE TABLE orders (
    id           TEXT PRIMARY KEY,
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    reference    TEXT NOT NULL UNIQUE,         -- e.g. JWT11408
    placed_at    BIGINT NOT NULL,
    currency     TEXT NOT NULL,                -- ISO 4217
    total_minor  BIGINT NOT NULL
);

CREATE TABLE order_items (
    id             TEXT PRIMARY KEY,
    order_id       TEXT NOT NULL REFERENCES orders (id),
    product_id     TEXT NOT NULL REFERENCES products (id),
    sku            TEXT NOT NULL,
    description    TEXT NOT NULL,
    quantity       BIGINT NOT NULL,
    subtotal_minor BIGINT NOT NULL
);

CREATE TABLE licenses (
    id             TEXT PRIMARY KEY,
    serial         TEXT NOT NULL UNIQUE,
    customer_id    TEXT NOT NULL REFERENCES customers (id),
    order_id       TEXT REFERENCES orders (id),
    product_id     TEXT NOT NULL REFERENCES products (id),
    edition        TEXT NOT NULL,
    features       TEXT NOT NULL,              -- JSON array of strings
    users          BIGINT NOT NULL,
    max_machines   BIGINT NOT NULL,
    used_machines  BIGINT NOT NULL DEFAULT 0,  -- only ever changed by a conditional UPDATE
    status         TEXT NOT NULL,              -- active | suspended | revoked
    issued_at      BIGINT NOT NULL,
    expires_at     BIGINT,                     -- NULL: perpetual
    created_at     BIGINT NOT NULL,
    CHECK (used_machines >= 0 AND used_machines <= max_machines)
);
CREATE INDEX licenses_by_customer ON licenses (customer_id, product_id);

CREATE TABLE support_terms (
    id          TEXT PRIMARY KEY,
    license_id  TEXT NOT NULL REFERENCES licenses (id),
    order_id    TEXT REFERENCES orders (id),
    starts_at   BIGINT NOT NULL,
    years       BIGINT NOT NULL,
    ends_at     BIGINT NOT NULL
);
CREATE INDEX support_by_license ON support_terms (license_id);

CREATE TABLE machines (
    id              TEXT PRIMARY KEY,
    license_id      TEXT NOT NULL REFERENCES licenses (id),
    fingerprint     TEXT NOT NULL,
    components      TEXT NOT NULL,             -- JSON object of component digests
    hostname        TEXT NOT NULL,
    machine_key     TEXT NOT NULL,             -- base64 Ed25519 public key
    app_version     TEXT NOT NULL,
    activated_at    BIGINT NOT NULL,
    last_seen_at    BIGINT NOT NULL,
    UNIQUE (license_id, fingerprint)
);

-- Nonces of machine-signed calls and receipts already honoured: each works once.
CREATE TABLE used_nonces (
    nonce       TEXT PRIMARY KEY,
    used_at     BIGINT NOT NULL
);

CREATE TABLE api_sessions (
    token_hash   TEXT PRIMARY KEY,             -- SHA-256 of the bearer token; the token itself is never stored
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    created_at   BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
