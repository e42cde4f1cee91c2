-- The mini-program cashier: a payment (possibly combining several shops), one merchant order per shop,
-- and append-only discount lines recording who funds each discount (platform/mall vs merchant).
-- Timestamps are set by the application with millisecond precision (no ON UPDATE columns: Seata AT
-- compares after-images on rollback).
CREATE TABLE checkout_payment (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT       NOT NULL,
    payment_no      VARCHAR(32)  NOT NULL,
    member_id       BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    channel         VARCHAR(16)  NOT NULL,
    gross_fen       BIGINT       NOT NULL,
    discount_fen    BIGINT       NOT NULL,
    points_used     BIGINT       NOT NULL,
    points_fen      BIGINT       NOT NULL,
    cash_fen        BIGINT       NOT NULL,
    coupon_ids      VARCHAR(400) NOT NULL,
    payer_openid    VARCHAR(128) NULL,
    prepay_id       VARCHAR(128) NULL,
    transaction_id  VARCHAR(64)  NULL,
    failure_code    VARCHAR(40)  NULL,
    expires_at      DATETIME(3)  NOT NULL,
    paid_at         DATETIME(3)  NULL,
    rewarded_at     DATETIME(3)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_checkout_payment_no (payment_no),
    UNIQUE KEY uk_checkout_transaction (transaction_id),
    KEY ix_checkout_member (tenant_id, member_id, created_at),
    KEY ix_checkout_status (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE merchant_order (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT      NOT NULL,
    payment_id    BIGINT      NOT NULL,
    order_no      VARCHAR(40) NOT NULL,
    seq           INT         NOT NULL,
    merchant_id   BIGINT      NOT NULL,
    store_id      BIGINT      NOT NULL,
    category      VARCHAR(40) NULL,
    gross_fen     BIGINT      NOT NULL,
    discount_fen  BIGINT      NOT NULL,
    points_fen    BIGINT      NOT NULL,
    cash_fen      BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    UNIQUE KEY uk_merchant_order_no (order_no),
    KEY ix_merchant_order_payment (payment_id),
    KEY ix_merchant_order_merchant (tenant_id, merchant_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Append-only: one line per discount per merchant order. Settlement with merchants aggregates these
-- lines when read (or in a job); no per-merchant running total is updated inside a global transaction.
CREATE TABLE discount_line (
    id                BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT      NOT NULL,
    payment_id        BIGINT      NOT NULL,
    merchant_order_id BIGINT      NOT NULL,
    merchant_id       BIGINT      NOT NULL,
    kind              VARCHAR(16) NOT NULL,
    source            VARCHAR(64) NOT NULL,
    amount_fen        BIGINT      NOT NULL,
    platform_fen      BIGINT      NOT NULL,
    merchant_fen      BIGINT      NOT NULL,
    created_at        DATETIME(3) NOT NULL,
    KEY ix_discount_line_payment (payment_id),
    KEY ix_discount_line_merchant (tenant_id, merchant_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Transactional outbox: written in the same local transaction as the change; published later (at least once).
CREATE TABLE outbox_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(64) NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
