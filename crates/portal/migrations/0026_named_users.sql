-- Tessera portal schema, version 26: named-user activation (issue #13). A machine activated by
-- a company account holds a place on that account's seat: the seat and the account it was
-- bound to when the machine came. Refresh compares them with the seat as it stands now, so an
-- Unbind (or a new binding of the seat to someone else) revokes the machine's license.
-- Machines per user seat: the plan's machines_per_user (0006), 2 for a license without plan.
ALTER TABLE machines ADD COLUMN seat_id TEXT REFERENCES seats (id);
ALTER TABLE machines ADD COLUMN user_id TEXT REFERENCES customer_users (id);
CREATE INDEX machines_by_seat ON machines (seat_id);
