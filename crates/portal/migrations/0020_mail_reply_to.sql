-- Tessera portal schema, version 20: a mail may name whom replies go to (a customer's message
-- to the store is answered to the customer, not to the portal).

ALTER TABLE mail_queue ADD COLUMN reply_to TEXT;
