-- Tessera portal schema, version 11: invoices and credit notes. Numbered in an unbroken
-- sequence per kind and year (the number is taken from `counters` in the transaction that
-- issues the document), and never changed once issued: the document is a snapshot of what it
-- says (seller, buyer, lines, amounts); a correction is a credit note pointing at it.

CREATE TABLE invoices (
    id           TEXT PRIMARY KEY,
    number       TEXT NOT NULL UNIQUE,      -- INV-2026-0001, CN-2026-0001
    kind         TEXT NOT NULL,             -- invoice | credit_note
    year         BIGINT NOT NULL,
    sequence     BIGINT NOT NULL,
    order_id     TEXT NOT NULL REFERENCES orders (id),
    customer_id  TEXT NOT NULL REFERENCES customers (id),
    corrects     TEXT REFERENCES invoices (id),  -- a credit note: the invoice it cancels
    issued_at    BIGINT NOT NULL,
    currency     TEXT NOT NULL,
    total_minor  BIGINT NOT NULL,           -- negative on a credit note
    document     TEXT NOT NULL,             -- JSON: what the printed document shows
    UNIQUE (kind, year, sequence)
);
CREATE INDEX invoices_by_order ON invoices (order_id);
CREATE INDEX invoices_by_customer ON invoices (customer_id, issued_at);
