-- Tessera portal schema, version 4 (seed 002): the customer's profile gains the responsible
-- manager and a telephone number; the vendor's news; the customer's contracts.
-- Portable like 0001 (TEXT ids, BIGINT Unix seconds, money in minor units).

-- Kept by the vendor; empty until given.
ALTER TABLE customers ADD COLUMN manager TEXT NOT NULL DEFAULT '';  -- the responsible officer
ALTER TABLE customers ADD COLUMN phone TEXT NOT NULL DEFAULT '';

-- News about the programs, for every customer.
CREATE TABLE news (
    id            TEXT PRIMARY KEY,
    published_at  BIGINT NOT NULL,
    title         TEXT NOT NULL,
    body          TEXT NOT NULL                -- plain text; a blank line separates paragraphs
);
CREATE INDEX news_by_date ON news (published_at);

CREATE TABLE contracts (
    id                   TEXT PRIMARY KEY,
    customer_id          TEXT NOT NULL REFERENCES customers (id),
    year                 BIGINT NOT NULL,      -- the year the contract is for
    document_type        TEXT NOT NULL,        -- contract | annex
    subscription_type    TEXT NOT NULL,        -- monthly | annual (support subscription)
    monthly_price_minor  BIGINT NOT NULL,
    currency             TEXT NOT NULL,        -- ISO 4217
    signed_at            BIGINT NOT NULL,
    status               TEXT NOT NULL,        -- active | expired | terminated | draft
    CHECK (monthly_price_minor >= 0)
);
CREATE INDEX contracts_by_customer ON contracts (customer_id, year);
