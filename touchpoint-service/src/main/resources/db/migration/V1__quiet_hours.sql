-- Quiet hours per tenant: no message on any channel is sent to members inside this local-time
-- window (it may wrap midnight, e.g. 21:30-08:30).
CREATE TABLE quiet_hours (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    start_time  TIME        NOT NULL,
    end_time    TIME        NOT NULL,
    time_zone   VARCHAR(40) NOT NULL,
    updated_by  BIGINT      NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_quiet_hours_tenant (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
