-- Mini-program credentials per tenant (the secret belongs in a KMS-backed store in production; kept
-- here so each tenant's mini-program can be onboarded without a redeploy).
ALTER TABLE tenant ADD COLUMN miniapp_secret VARCHAR(64) NULL AFTER miniapp_app_id;

-- A member may be merged into another (same person); the merged row stays for audit and undo.
ALTER TABLE member
    ADD COLUMN status          VARCHAR(16) NOT NULL DEFAULT 'ACTIVE' AFTER funnel_stage,
    ADD COLUMN merged_into     BIGINT      NULL AFTER status,
    ADD COLUMN growth          BIGINT      NOT NULL DEFAULT 0 AFTER merged_into,
    ADD COLUMN tier_code       VARCHAR(32) NULL AFTER growth,
    ADD COLUMN total_spend_fen BIGINT      NOT NULL DEFAULT 0 AFTER tier_code,
    ADD COLUMN visits          INT         NOT NULL DEFAULT 0 AFTER total_spend_fen,
    ADD COLUMN last_visit_at   DATETIME(3) NULL AFTER visits;
-- the phone moves to member_identity (kind PHONE); the column stays as the member's primary phone
ALTER TABLE member DROP INDEX uk_member_phone;
ALTER TABLE member ADD KEY ix_member_phone (tenant_id, phone);

-- Every way we know a member: mini-program openid (scope = app id), unionid, official-account openid,
-- WeCom external user id, app account, phone, physical card number, third-party channel ids.
-- One identity belongs to one member of a tenant at a time (the unique key decides, under concurrency).
CREATE TABLE member_identity (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    member_id   BIGINT       NOT NULL,
    kind        VARCHAR(24)  NOT NULL,
    scope       VARCHAR(64)  NOT NULL DEFAULT '',
    value       VARCHAR(128) NOT NULL,
    attributes  VARCHAR(255) NULL,
    verified    TINYINT(1)   NOT NULL DEFAULT 0,
    created_at  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_identity (tenant_id, kind, scope, value),
    KEY ix_identity_member (tenant_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO member_identity (tenant_id, member_id, kind, scope, value, verified, created_at)
SELECT tenant_id, id, 'PHONE', '', phone, 0, created_at FROM member WHERE phone IS NOT NULL;

-- The WeChat session key of a member's latest mini-program login (needed to decrypt the phone payload).
CREATE TABLE miniapp_session (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    app_id      VARCHAR(32) NOT NULL,
    session_key VARCHAR(64) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_miniapp_session (tenant_id, member_id, app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Merges with what moved, so an operator can undo a wrong one.
CREATE TABLE member_merge (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT       NOT NULL,
    survivor_id     BIGINT       NOT NULL,
    merged_id       BIGINT       NOT NULL,
    moved_identities TEXT        NOT NULL,
    reason          VARCHAR(200) NOT NULL,
    actor           VARCHAR(40)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    undone_at       DATETIME(3)  NULL,
    undone_by       VARCHAR(40)  NULL,
    KEY ix_merge_members (tenant_id, survivor_id, merged_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Refresh tokens: stored as hashes; each use rotates to a new one in the same family; a reused
-- (stolen) one revokes the whole family.
CREATE TABLE refresh_token (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    subject_type VARCHAR(8)  NOT NULL,
    subject_id   BIGINT      NOT NULL,
    family_id    CHAR(36)    NOT NULL,
    token_hash   CHAR(64)    NOT NULL,
    expires_at   DATETIME(3) NOT NULL,
    used_at      DATETIME(3) NULL,
    revoked_at   DATETIME(3) NULL,
    created_at   DATETIME(3) NOT NULL,
    UNIQUE KEY uk_refresh_hash (token_hash),
    KEY ix_refresh_family (tenant_id, family_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Brand counters / merchants of a store; cashier_qr_id is what the counter's QR code carries.
CREATE TABLE merchant (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    store_id      BIGINT       NOT NULL,
    code          VARCHAR(32)  NOT NULL,
    brand         VARCHAR(100) NOT NULL,
    category      VARCHAR(40)  NOT NULL,
    cashier_qr_id VARCHAR(64)  NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_merchant_code (tenant_id, store_id, code),
    UNIQUE KEY uk_merchant_qr (cashier_qr_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE staff ADD COLUMN merchant_id BIGINT NULL AFTER store_id;

-- Domain events written in the same transaction as the change; published at least once later.
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
