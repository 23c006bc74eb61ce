-- Tessera portal schema, version 21: leases of the background jobs. Of several portal processes
-- on one database, the one holding a job's lease runs it; the lease runs out when its holder
-- stops renewing it (the process died), and another process takes it.

CREATE TABLE job_leases (
    name        TEXT PRIMARY KEY,   -- the job: renewals
    holder      TEXT NOT NULL,      -- the process holding it (a random id per process)
    expires_at  BIGINT NOT NULL     -- Unix seconds
);
