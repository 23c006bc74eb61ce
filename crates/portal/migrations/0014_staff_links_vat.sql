-- Tessera portal schema, version 14: one-time links that set a member of staff's password
-- (`admin create-staff --link`, `admin staff-password-link`), and the customer's VAT id.

-- Only the SHA-256 of a link's token is kept: a copy of the database opens nothing.
CREATE TABLE staff_password_links (
    token_hash  TEXT PRIMARY KEY,
    staff_id    TEXT NOT NULL REFERENCES staff (id),
    created_at  BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL,
    used_at     BIGINT                    -- works once
);

ALTER TABLE customers ADD COLUMN vat_id TEXT;  -- e.g. BG123456789; NULL: none given

-- What an order line sold, kept when it is placed: the licenses issued at its payment get the
-- machines per user and the support the plan had then, as its price, whatever the catalog
-- says by the time the money arrives. Lines placed before this version keep the plan's
-- values as they stand now.
ALTER TABLE order_items ADD COLUMN sold_machines_per_user BIGINT;  -- NULL: a line recorded by hand
ALTER TABLE order_items ADD COLUMN sold_support_years BIGINT;
UPDATE order_items
   SET sold_machines_per_user = (SELECT machines_per_user FROM plans WHERE plans.id = order_items.plan_id),
       sold_support_years = (SELECT support_years FROM plans WHERE plans.id = order_items.plan_id)
 WHERE plan_id IS NOT NULL;
