-- Tessera portal schema, version 19: bank-transfer renewals invoiced ahead. A subscription paid
-- by bank transfer gets the order for its next period some days before the current one ends
-- (`--invoice-days-ahead`), so its customer can pay before the period starts; the renewal then
-- takes that order instead of placing one.

ALTER TABLE subscriptions ADD COLUMN advance_order_id TEXT REFERENCES orders (id);
ALTER TABLE subscriptions ADD COLUMN advance_period_start TEXT;
