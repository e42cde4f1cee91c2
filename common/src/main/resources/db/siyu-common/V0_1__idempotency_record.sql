-- Stored responses of client writes, replayed for a repeated Idempotency-Key (see IdempotencyFilter).
CREATE TABLE IF NOT EXISTS idempotency_record (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT       NOT NULL,
    caller            VARCHAR(40)  NOT NULL,
    idem_key          VARCHAR(128) NOT NULL,
    request_hash      CHAR(64)     NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    response_status   INT          NULL,
    response_type     VARCHAR(120) NULL,
    response_location VARCHAR(500) NULL,
    response_body     MEDIUMBLOB   NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_idempotency (tenant_id, caller, idem_key),
    KEY ix_idempotency_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
