-- All GMV per store and mall day, so the dashboard can give the private domain's share of it: the cashier's payments
-- (from PaymentSucceeded, net of PaymentRefunded, each applied once by its number) and the store sales a tenant
-- reports from its POS (a daily import that replaces that day's figure per store).
CREATE TABLE tp_store_sales_day (
    tenant_id   BIGINT      NOT NULL,
    day         DATE        NOT NULL,
    store_id    BIGINT      NOT NULL,
    cashier_fen BIGINT      NOT NULL DEFAULT 0,
    pos_fen     BIGINT      NOT NULL DEFAULT 0,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, day, store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_sales_payment (
    tenant_id  BIGINT      NOT NULL,
    payment_no VARCHAR(64) NOT NULL,
    day        DATE        NOT NULL,
    PRIMARY KEY (tenant_id, payment_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_sales_refund (
    tenant_id BIGINT      NOT NULL,
    refund_no VARCHAR(64) NOT NULL,
    PRIMARY KEY (tenant_id, refund_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
