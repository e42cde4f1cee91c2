-- Refunds, per merchant order, full or partial. A refund's share of the order's cash, points and every
-- discount line is a function of how much of the order's gross has been refunded (cumulative, rounded
-- down; the last refund takes the remainder), so merchant_order.refunded_gross_fen is the only state the
-- computation needs. checkout_payment.refund_version serializes a payment's refunds (conditional update).
-- Timestamps are set by the application (Seata AT compares after-images).
ALTER TABLE checkout_payment
    ADD COLUMN refund_version INT NOT NULL DEFAULT 0 AFTER rewarded_at;

ALTER TABLE merchant_order
    ADD COLUMN refunded_gross_fen BIGINT NOT NULL DEFAULT 0 AFTER cash_fen,
    ADD CONSTRAINT ck_merchant_order_refunded CHECK (refunded_gross_fen >= 0 AND refunded_gross_fen <= gross_fen);

CREATE TABLE refund (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id           BIGINT       NOT NULL,
    refund_no           VARCHAR(32)  NOT NULL,
    payment_no          VARCHAR(32)  NOT NULL,
    order_no            VARCHAR(40)  NOT NULL,
    member_id           BIGINT       NOT NULL,
    merchant_id         BIGINT       NOT NULL,
    store_id            BIGINT       NOT NULL,
    status              VARCHAR(16)  NOT NULL,
    channel             VARCHAR(16)  NOT NULL,
    gross_fen           BIGINT       NOT NULL,
    cash_fen            BIGINT       NOT NULL,
    points_fen          BIGINT       NOT NULL,
    points_returned     BIGINT       NOT NULL,
    points_reversed     BIGINT       NOT NULL,
    restored_coupon_ids VARCHAR(400) NOT NULL,
    order_fully_refunded TINYINT(1)  NOT NULL,
    reason              VARCHAR(200) NOT NULL,
    requested_by        BIGINT       NULL,
    channel_refund_id   VARCHAR(64)  NULL,
    attempts            INT          NOT NULL DEFAULT 0,
    last_error          VARCHAR(300) NULL,
    next_attempt_at     DATETIME(3)  NULL,
    submitted_at        DATETIME(3)  NULL,
    succeeded_at        DATETIME(3)  NULL,
    created_at          DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_refund_no (refund_no),
    KEY ix_refund_payment (tenant_id, payment_no),
    KEY ix_refund_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: the part of each discount line a refund takes back (subsidies reversed), never netted
-- into the original line; a merchant's subsidy is sum(discount_line) - sum(refund_line).
CREATE TABLE refund_line (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    refund_id         BIGINT      NOT NULL,
    merchant_id       BIGINT      NOT NULL,
    kind              VARCHAR(16) NOT NULL,
    source            VARCHAR(64) NOT NULL,
    amount_fen        BIGINT      NOT NULL,
    platform_fen      BIGINT      NOT NULL,
    merchant_fen      BIGINT      NOT NULL,
    created_at        DATETIME(3) NOT NULL,
    KEY ix_refund_line_refund (refund_id),
    KEY ix_refund_line_merchant (tenant_id, merchant_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
