-- Tessera portal schema, version 16: renewals and dunning (shared/BILLING.md "Renewal"). A
-- subscription remembers the order charging its current period while that order awaits its
-- payment: unpaid some days after the period started it is past due, unpaid past the
-- product's grace days it is suspended, and paid it is active again.

ALTER TABLE subscriptions ADD COLUMN due_order_id TEXT REFERENCES orders (id);
