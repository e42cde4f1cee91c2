-- 拍小票积分: a shopper photographs a counter's receipt, customer service approves or rejects it.
-- A receipt of a counter has at most one open claim (PENDING or APPROVED): open_receipt is the receipt
-- number while the claim is open and NULL once rejected, so a rejected receipt may be claimed again.
CREATE TABLE points_receipt_claim (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    member_id    BIGINT       NOT NULL,
    store_id     BIGINT       NULL,
    merchant_id  BIGINT       NOT NULL,
    receipt_no   VARCHAR(64)  NOT NULL,
    amount_fen   BIGINT       NOT NULL,
    purchased_on DATE         NOT NULL,
    photo_ref    VARCHAR(512) NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    approved_fen BIGINT       NULL,
    points       BIGINT       NULL,
    reason       VARCHAR(200) NULL,
    reviewed_by  BIGINT       NULL,
    reviewed_at  DATETIME(3)  NULL,
    created_at   DATETIME(3)  NOT NULL,
    open_receipt VARCHAR(64) AS (CASE WHEN status <> 'REJECTED' THEN receipt_no END) PERSISTENT,
    UNIQUE KEY uk_receipt_claim_open (tenant_id, merchant_id, open_receipt),
    KEY ix_receipt_claim_member (tenant_id, member_id, id),
    KEY ix_receipt_claim_status (tenant_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Claims a member submitted per local day (a conditional increment keeps the daily limit under concurrency).
CREATE TABLE points_receipt_quota (
    tenant_id BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    claim_day DATE   NOT NULL,
    used      INT    NOT NULL,
    PRIMARY KEY (tenant_id, member_id, claim_day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A tenant's limits on claims; a tenant without a row uses the defaults in ReceiptRules.DEFAULT.
CREATE TABLE points_receipt_rules (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT      NOT NULL,
    max_amount_fen BIGINT      NOT NULL,
    max_age_days   INT         NOT NULL,
    daily_claims   INT         NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    UNIQUE KEY uk_receipt_rules_tenant (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
