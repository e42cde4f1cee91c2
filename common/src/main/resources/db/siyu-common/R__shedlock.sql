-- ShedLock's lock table (common's scheduled-job lock): a job runs on one instance of a service at a time.
-- Repeatable (R__) so it lands in every service's schema without taking a place in its versioned history.
CREATE TABLE IF NOT EXISTS shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);
