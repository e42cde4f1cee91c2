-- Coupon templates. Money is integer fen. Stock is the template's total; issuing (a later change)
-- takes from it with a conditional update.
CREATE TABLE coupon_template (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT       NOT NULL,
    name             VARCHAR(100) NOT NULL,
    type             VARCHAR(16)  NOT NULL,
    value_fen        BIGINT       NULL,
    threshold_fen    BIGINT       NULL,
    discount_percent INT          NULL,
    max_discount_fen BIGINT       NULL,
    total_stock      INT          NOT NULL,
    issued_count     INT          NOT NULL DEFAULT 0,
    per_member_limit INT          NOT NULL,
    valid_from       DATETIME(3)  NOT NULL,
    valid_to         DATETIME(3)  NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_by       BIGINT       NULL,
    created_at       DATETIME(3)  NOT NULL,
    updated_at       DATETIME(3)  NOT NULL,
    KEY ix_coupon_template_tenant (tenant_id, status),
    CONSTRAINT ck_coupon_stock CHECK (issued_count >= 0 AND issued_count <= total_stock)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
