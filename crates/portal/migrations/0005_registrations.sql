-- Tessera portal schema, version 5: the registration keys issued for installation keys (seed 002),
-- shown in the customer's Programs and information table. Portable like 0001 (TEXT ids, BIGINT
-- Unix seconds).

CREATE TABLE registrations (
    id                TEXT PRIMARY KEY,
    license_id        TEXT NOT NULL REFERENCES licenses (id),
    customer_id       TEXT NOT NULL REFERENCES customers (id),  -- who generated it (the license's owner then)
    installation_key  TEXT NOT NULL,             -- canonical grouped form, as the program showed it
    registration_key  TEXT NOT NULL,             -- the portal's signed answer, canonical grouped form
    version           TEXT NOT NULL,             -- the program's version named by the installation key, e.g. 5.2
    seats             BIGINT NOT NULL,           -- workstations granted
    generated_at      BIGINT NOT NULL
);
-- The last key of a license is the one the table shows.
CREATE INDEX registrations_by_license ON registrations (license_id, generated_at);
