-- Shopping guides (导购) of a tenant, each belonging to a store. A guide who leaves stays on record
-- (status LEFT) so that their customers can be handed over, never lost.
CREATE TABLE guide (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    store_id     BIGINT      NOT NULL,
    name         VARCHAR(64) NOT NULL,
    phone        VARCHAR(20) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    UNIQUE KEY uk_guide_phone (tenant_id, phone),
    KEY ix_guide_store (tenant_id, store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
