-- Tessera portal schema, version 27: a partner's or reseller's client company linked to a
-- customer company (#13 Part B, "exactly like Part A"): the company administrator the seller
-- named, one customer per client, and the license each client term becomes (its seats).

ALTER TABLE organisations ADD COLUMN admin_email TEXT;   -- a client's company administrator, as the seller named them (lower case)
-- A customer company is the client of one seller only: the first to link it.
CREATE UNIQUE INDEX organisations_one_client_per_customer ON organisations (customer_id) WHERE customer_id IS NOT NULL;

-- The client term a license was issued for (no order: the term was paid from a pool).
ALTER TABLE licenses ADD COLUMN client_term_id TEXT REFERENCES client_terms (id);
CREATE UNIQUE INDEX licenses_one_per_client_term ON licenses (client_term_id) WHERE client_term_id IS NOT NULL;
