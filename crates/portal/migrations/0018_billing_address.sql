-- Tessera portal schema, version 18: the customer's billing address (seed 001, Buy now: the
-- company and billing data — address, VAT id — given when a trial is bought), printed on the
-- invoices issued from then on.

ALTER TABLE customers ADD COLUMN address TEXT NOT NULL DEFAULT '';
