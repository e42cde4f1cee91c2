-- Purchases attributed to guides: one row per shop order of every PaymentSucceeded (guide_id null when the
-- member had no guide), so a refund knows whether there is anything to take back. refunded_fen counts
-- refunded gross (refunds are in gross), paid_fen is what the shopper paid (gross less discounts).
CREATE TABLE guide_attribution (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    order_no     VARCHAR(64) NOT NULL,
    payment_no   VARCHAR(64) NOT NULL,
    member_id    BIGINT      NOT NULL,
    guide_id     BIGINT      NULL,
    store_id     BIGINT      NOT NULL,
    merchant_id  BIGINT      NOT NULL,
    category     VARCHAR(40) NULL,
    gross_fen    BIGINT      NOT NULL,
    paid_fen     BIGINT      NOT NULL,
    refunded_fen BIGINT      NOT NULL DEFAULT 0,
    paid_at      DATETIME(3) NOT NULL,
    UNIQUE KEY uk_attribution_order (tenant_id, order_no),
    KEY ix_attribution_guide (tenant_id, guide_id, paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Commission rules: tenant-wide, or for one category, or for one counter (the most specific active rule wins);
-- PERCENT in basis points of what the shopper paid, or FIXED fen per order; an optional cap per order.
CREATE TABLE guide_commission_rule (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    merchant_id BIGINT      NULL,
    category    VARCHAR(40) NULL,
    kind        VARCHAR(8)  NOT NULL,
    value       BIGINT      NOT NULL,
    cap_fen     BIGINT      NULL,
    active      TINYINT(1)  NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    KEY ix_commission_rule (tenant_id, active)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The tenant's refund window: commission stays PENDING this long after the payment.
CREATE TABLE guide_commission_policy (
    tenant_id          BIGINT      NOT NULL PRIMARY KEY,
    refund_window_days INT         NOT NULL,
    updated_at         DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The commission ledger: EARN lines per attributed order, REVERSAL lines (negative) per refund, each once per
-- business key. PENDING until the refund window is over, then SETTLED, then PAID in a payout batch.
CREATE TABLE guide_commission_line (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    guide_id     BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    order_no     VARCHAR(64) NOT NULL,
    kind         VARCHAR(10) NOT NULL,
    biz_key      VARCHAR(100) NOT NULL,
    base_fen     BIGINT      NOT NULL,
    amount_fen   BIGINT      NOT NULL,
    status       VARCHAR(10) NOT NULL,
    settle_after DATETIME(3) NOT NULL,
    payout_id    BIGINT      NULL,
    created_at   DATETIME(3) NOT NULL,
    settled_at   DATETIME(3) NULL,
    UNIQUE KEY uk_commission_biz (tenant_id, biz_key),
    KEY ix_commission_guide (tenant_id, guide_id, status),
    KEY ix_commission_due (status, settle_after)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A payout batch: every guide's SETTLED lines whose sum is positive, marked PAID together (exported for payroll).
CREATE TABLE guide_commission_payout (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    guides     INT         NOT NULL,
    total_fen  BIGINT      NOT NULL,
    created_by BIGINT      NULL,
    created_at DATETIME(3) NOT NULL,
    KEY ix_payout_tenant (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
