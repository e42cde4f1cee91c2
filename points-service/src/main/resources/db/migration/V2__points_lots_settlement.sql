-- Issue 4: earned points are lots (issuing store, expiry), spends consume lots oldest-expiry first and
-- append one movement line per lot taken (these lines are the cross-store settlement record),
-- reservations for payments not yet confirmed, a recorded debt for refunds of points already spent,
-- per-tenant policy and earn rules, and an outbox for events. Timestamps are set by the application
-- (DATETIME(3)); nothing uses ON UPDATE CURRENT_TIMESTAMP (Seata AT compares after-images).

ALTER TABLE points_account
    ADD COLUMN debt BIGINT NOT NULL DEFAULT 0 AFTER balance,
    ADD CONSTRAINT ck_points_debt_not_negative CHECK (debt >= 0);

ALTER TABLE points_journal
    ADD COLUMN debt_delta BIGINT NOT NULL DEFAULT 0 AFTER delta,
    ADD KEY ix_points_journal_member (tenant_id, member_id, biz_type, created_at);

-- A lot: points credited by one journal line. remaining only ever goes down by a conditional update
-- (or back up when a reservation is released); expires_on is the last local day (tenant time zone)
-- on which the points may be used, NULL = never.
CREATE TABLE points_lot (
    id                 BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT      NOT NULL,
    account_id         BIGINT      NOT NULL,
    member_id          BIGINT      NOT NULL,
    journal_id         BIGINT      NULL,
    issuing_store_id   BIGINT      NULL,
    merchant_id        BIGINT      NULL,
    points             BIGINT      NOT NULL,
    remaining          BIGINT      NOT NULL,
    earned_points      BIGINT      NOT NULL DEFAULT 0,
    expires_on         DATE        NULL,
    source_biz_id      VARCHAR(64) NULL,
    amount_fen         BIGINT      NOT NULL DEFAULT 0,
    refunded_fen       BIGINT      NOT NULL DEFAULT 0,
    reversed_points    BIGINT      NOT NULL DEFAULT 0,
    expiry_notified_at DATETIME(3) NULL,
    created_at         DATETIME(3) NOT NULL,
    updated_at         DATETIME(3) NOT NULL,
    KEY ix_points_lot_member (tenant_id, member_id, remaining, expires_on),
    KEY ix_points_lot_source (tenant_id, source_biz_id),
    KEY ix_points_lot_due (expires_on, tenant_id),
    CONSTRAINT ck_points_lot_remaining CHECK (remaining >= 0 AND remaining <= points),
    CONSTRAINT ck_points_lot_refund CHECK (refunded_fen >= 0 AND refunded_fen <= amount_fen)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One line per lot a journal line took points from (positive) or gave points back to (negative).
-- For spends these are the settlement lines: points issued by issuing_store_id used at
-- consuming_store_id. Appended inside the branch, aggregated only when a report is read.
CREATE TABLE points_lot_movement (
    id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id           BIGINT      NOT NULL,
    journal_id          BIGINT      NOT NULL,
    member_id           BIGINT      NOT NULL,
    lot_id              BIGINT      NOT NULL,
    kind                VARCHAR(16) NOT NULL,
    issuing_store_id    BIGINT      NULL,
    consuming_store_id  BIGINT      NULL,
    points              BIGINT      NOT NULL,
    created_at          DATETIME(3) NOT NULL,
    KEY ix_points_movement_journal (tenant_id, journal_id),
    KEY ix_points_movement_lot (tenant_id, lot_id),
    KEY ix_points_movement_settlement (tenant_id, kind, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Points held for a payment that is not confirmed yet: HELD -> CONFIRMED | RELEASED.
CREATE TABLE points_reservation (
    id                 BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT      NOT NULL,
    member_id          BIGINT      NOT NULL,
    biz_id             VARCHAR(64) NOT NULL,
    points             BIGINT      NOT NULL,
    store_id           BIGINT      NULL,
    status             VARCHAR(16) NOT NULL,
    journal_id         BIGINT      NOT NULL,
    created_at         DATETIME(3) NOT NULL,
    updated_at         DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_reservation_biz (tenant_id, biz_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per tenant; absent = the defaults documented in PointsPolicy.
CREATE TABLE points_policy (
    id                      BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id               BIGINT      NOT NULL,
    redeem_points_per_yuan  INT         NOT NULL,
    expiry_months           INT         NULL,
    reminder_days           INT         NOT NULL,
    daily_earn_cap          BIGINT      NULL,
    refund_shortfall        VARCHAR(16) NOT NULL,
    parking_points_per_hour BIGINT      NULL,
    parking_store_id        BIGINT      NULL,
    created_at              DATETIME(3) NOT NULL,
    updated_at              DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_policy_tenant (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Earn rules: RATE (points per yuan in thousandths), EXCLUDE, CAMPAIGN (multiplier in a window),
-- TIER (multiplier for a member tier). A NULL scope column matches everything.
CREATE TABLE points_earn_rule (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    store_id       BIGINT       NULL,
    merchant_id    BIGINT       NULL,
    category       VARCHAR(32)  NULL,
    tier           VARCHAR(32)  NULL,
    rate_milli     INT          NULL,
    multiplier_pct INT          NULL,
    starts_at      DATETIME(3)  NULL,
    ends_at        DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    KEY ix_points_earn_rule_tenant (tenant_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events written in the same local transaction as the change they announce; a publisher (a later,
-- common concern) sends unpublished rows to RabbitMQ and sets published_at.
CREATE TABLE outbox_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(48) NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Balances that existed before lots: one never-expiring lot each, so balance = sum(lot remaining).
INSERT INTO points_lot (tenant_id, account_id, member_id, journal_id, issuing_store_id, merchant_id, points, remaining,
                        expires_on, source_biz_id, amount_fen, refunded_fen, reversed_points, created_at, updated_at)
SELECT tenant_id, id, member_id, NULL, NULL, NULL, balance, balance, NULL, 'migrated-v2', 0, 0, 0, updated_at, updated_at
FROM points_account
WHERE balance > 0;
