-- A counter payment settled with points. merchant_order_no is the counter's own order number: it
-- can be paid once per tenant, which the unique key enforces even across concurrent attempts.
CREATE TABLE payment (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    payment_no        VARCHAR(40) NOT NULL,
    member_id         BIGINT      NOT NULL,
    store_id          BIGINT      NULL,
    merchant_order_no VARCHAR(64) NOT NULL,
    points_used       BIGINT      NOT NULL,
    points_journal_id BIGINT      NOT NULL,
    status            VARCHAR(16) NOT NULL,
    cashier_staff_id  BIGINT      NULL,
    created_at        DATETIME(3) NOT NULL,
    UNIQUE KEY uk_payment_no (payment_no),
    UNIQUE KEY uk_payment_merchant_order (tenant_id, merchant_order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
