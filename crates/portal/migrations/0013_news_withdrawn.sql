-- Tessera portal schema, version 13: news can be withdrawn from the customers' pages by the
-- vendor. The row stays (the event log names it); withdrawn news is no longer shown.

ALTER TABLE news ADD COLUMN withdrawn_at BIGINT;  -- Unix seconds; NULL while published
