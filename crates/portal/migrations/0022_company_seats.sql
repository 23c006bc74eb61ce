-- Tessera portal schema, version 22: roles inside a customer company and the seats of its
-- licenses (seed 004). Portable like 0001 (TEXT ids, BIGINT Unix seconds).

-- admin | user. Accounts made by the vendor administer their company; the people a company
-- admin invites are users.
ALTER TABLE customer_users ADD COLUMN role TEXT NOT NULL DEFAULT 'admin';

-- One row per user of a paid license (users = seats), made when the company's seats are first
-- listed. A seat is bound to at most one account, an account to at most one seat of a license.
CREATE TABLE seats (
    id           TEXT PRIMARY KEY,
    license_id   TEXT NOT NULL REFERENCES licenses (id),
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    number       BIGINT NOT NULL,                              -- 1 ..= the license's users
    user_id      TEXT REFERENCES customer_users (id),          -- NULL: free; set only by a conditional UPDATE
    bound_at     BIGINT,
    UNIQUE (license_id, number),
    UNIQUE (license_id, user_id)
);
CREATE INDEX seats_by_customer ON seats (customer_id);
