-- Issue 5: richer templates, issued coupons, per-member quotas, blind-box prizes, checkout
-- redemptions, operator grant batches and the outbox. Money is integer fen; every timestamp is set by
-- the application with millisecond precision (DATETIME(3)) and no column updates itself (Seata AT
-- compares after-images on rollback).

-- Template rules beyond the first slice. Lists are comma-separated ids/codes (small, read with the template).
ALTER TABLE coupon_template
    ADD COLUMN item_name              VARCHAR(100)  NULL COMMENT 'exchange: the named item',
    ADD COLUMN price_fen              BIGINT        NULL COMMENT 'group-buy / blind box: what the member pays',
    ADD COLUMN min_spend_fen          BIGINT        NULL,
    ADD COLUMN per_member_daily_limit INT           NULL,
    ADD COLUMN valid_days             INT           NULL COMMENT 'relative validity: N days after issue',
    ADD COLUMN usable_from_minute     INT           NULL COMMENT 'minute of day (Asia/Shanghai) from which usable',
    ADD COLUMN usable_to_minute       INT           NULL COMMENT 'minute of day until which usable (exclusive)',
    ADD COLUMN usable_weekdays        VARCHAR(20)   NULL COMMENT 'ISO weekdays 1-7, empty = every day',
    ADD COLUMN store_ids              VARCHAR(2000) NULL,
    ADD COLUMN merchant_ids           VARCHAR(2000) NULL,
    ADD COLUMN categories             VARCHAR(2000) NULL,
    ADD COLUMN excluded_merchant_ids  VARCHAR(2000) NULL,
    ADD COLUMN excluded_categories    VARCHAR(2000) NULL,
    ADD COLUMN stacks_with_points     BOOLEAN       NOT NULL DEFAULT TRUE,
    ADD COLUMN stacks_with_types      VARCHAR(100)  NULL COMMENT 'coupon types this one may be combined with',
    ADD COLUMN merchant_share_percent INT           NOT NULL DEFAULT 0 COMMENT 'merchant share of the discount, rest is the mall''s',
    ADD COLUMN refund_policy          VARCHAR(16)   NOT NULL DEFAULT 'RESTORE',
    ADD COLUMN geo_radius_m           INT           NULL COMMENT 'claim only within this distance of one of store_ids',
    ADD COLUMN wx_card_id             VARCHAR(64)   NULL COMMENT 'WeChat card wallet card id, synced by a channel adapter';

-- Status changes of a template, who made them and why.
CREATE TABLE coupon_template_audit (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    template_id BIGINT       NOT NULL,
    from_status VARCHAR(16)  NOT NULL,
    to_status   VARCHAR(16)  NOT NULL,
    staff_id    BIGINT       NULL,
    reason      VARCHAR(200) NULL,
    created_at  DATETIME(3)  NOT NULL,
    KEY ix_template_audit (tenant_id, template_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Blind-box prizes: each has a weight and its own stock, taken with a conditional update.
CREATE TABLE coupon_blind_box_item (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    template_id BIGINT       NOT NULL,
    name        VARCHAR(100) NOT NULL,
    weight      INT          NOT NULL,
    stock       INT          NOT NULL,
    drawn       INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    updated_at  DATETIME(3)  NOT NULL,
    KEY ix_blind_box_item (tenant_id, template_id),
    CONSTRAINT ck_blind_box_stock CHECK (drawn >= 0 AND drawn <= stock AND weight > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Per member and template: how many were issued in total and on the current day. Taken with one
-- conditional update; the issued coupon's seq is this counter, and (tenant, template, member, seq)
-- is unique on coupon as a second guard.
CREATE TABLE coupon_member_quota (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    template_id BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    claimed     INT         NOT NULL DEFAULT 0,
    claim_day   DATE        NULL,
    day_claimed INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_member_quota (tenant_id, template_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Issued coupons: the member's wallet. Every issue has a business key (issue_key), unique per tenant,
-- so a retried claim or grant issues once. At payment only this row changes (never the template).
CREATE TABLE coupon (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT       NOT NULL,
    template_id     BIGINT       NOT NULL,
    member_id       BIGINT       NOT NULL,
    seq             INT          NOT NULL,
    issue_key       VARCHAR(160) NOT NULL,
    source          VARCHAR(16)  NOT NULL,
    status          VARCHAR(12)  NOT NULL,
    valid_from      DATETIME(3)  NOT NULL,
    valid_to        DATETIME(3)  NOT NULL,
    item_id         BIGINT       NULL COMMENT 'blind box: the prize drawn',
    item_name       VARCHAR(100) NULL,
    lock_payment_id VARCHAR(64)  NULL,
    locked_at       DATETIME(3)  NULL,
    used_payment_id VARCHAR(64)  NULL,
    used_at         DATETIME(3)  NULL,
    reminded_at     DATETIME(3)  NULL,
    wx_card_code    VARCHAR(64)  NULL COMMENT 'code of this coupon in the WeChat card wallet',
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_coupon_issue_key (tenant_id, issue_key),
    UNIQUE KEY uk_coupon_member_seq (tenant_id, template_id, member_id, seq),
    KEY ix_coupon_wallet (tenant_id, member_id, status, valid_to),
    KEY ix_coupon_lock (tenant_id, lock_payment_id),
    KEY ix_coupon_used (tenant_id, used_payment_id),
    KEY ix_coupon_expiry (status, valid_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One line per coupon used by a payment: the discount and who funds it. Rows of one payment only, so
-- a payment's global transaction never queues behind another payment.
CREATE TABLE coupon_redemption (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    payment_id   VARCHAR(64) NOT NULL,
    coupon_id    BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    template_id  BIGINT      NOT NULL,
    discount_fen BIGINT      NOT NULL,
    merchant_fen BIGINT      NOT NULL,
    platform_fen BIGINT      NOT NULL,
    status       VARCHAR(12) NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    UNIQUE KEY uk_redemption (tenant_id, payment_id, coupon_id),
    KEY ix_redemption_coupon (tenant_id, coupon_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Operator grants to a list of members: resumable (cursor), progress visible, each member's issue keyed
-- by batch id + member id so a resumed batch issues once.
CREATE TABLE coupon_grant_batch (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    template_id  BIGINT       NOT NULL,
    reason       VARCHAR(200) NULL,
    status       VARCHAR(12)  NOT NULL,
    total        INT          NOT NULL,
    cursor_pos   INT          NOT NULL DEFAULT 0,
    issued       INT          NOT NULL DEFAULT 0,
    failed       INT          NOT NULL DEFAULT 0,
    created_by   BIGINT       NULL,
    heartbeat_at DATETIME(3)  NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    KEY ix_grant_batch (tenant_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE coupon_grant_batch_member (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id BIGINT      NOT NULL,
    batch_id  BIGINT      NOT NULL,
    position  INT         NOT NULL,
    member_id BIGINT      NOT NULL,
    outcome   VARCHAR(40) NULL,
    coupon_id BIGINT      NULL,
    UNIQUE KEY uk_batch_position (batch_id, position),
    KEY ix_batch_member (tenant_id, batch_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events written in the same local transaction as the change; a publisher (later, in common) sends
-- rows with published_at NULL to RabbitMQ and stamps them.
CREATE TABLE outbox_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(64) NOT NULL,
    payload      TEXT        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    UNIQUE KEY uk_outbox_event (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
