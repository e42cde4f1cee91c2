-- WeCom (企业微信) per tenant: the corp's customer-contact app (secret, callback token and AES key sealed
-- with the deployment's SecretBox), the guides' external contacts as WeCom reports them, every callback
-- once (by the SHA-256 of its decrypted XML), each welcome_code used once, contact codes (渠道活码 /
-- 门店活码) and WeCom's own customer transfer of a handover, per customer.
CREATE TABLE guide_wecom_corp (
    tenant_id      BIGINT        NOT NULL PRIMARY KEY,
    corp_id        VARCHAR(64)   NOT NULL,
    agent_id       INT           NULL,
    contact_secret VARCHAR(512)  NOT NULL,
    callback_token VARCHAR(512)  NOT NULL,
    aes_key        VARCHAR(512)  NOT NULL,
    welcome_text   VARCHAR(1000) NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    updated_by     BIGINT        NULL,
    UNIQUE KEY uk_wecom_corp (corp_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per (guide's userid, shopper's external userid): ACTIVE, LOST (the shopper deleted the guide)
-- or REMOVED (the guide deleted the shopper). member_id is null while member-service knows no such shopper.
CREATE TABLE guide_wecom_contact (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT       NOT NULL,
    wecom_user_id    VARCHAR(64)  NOT NULL,
    external_user_id VARCHAR(128) NOT NULL,
    guide_id         BIGINT       NULL,
    member_id        BIGINT       NULL,
    code_id          BIGINT       NULL,
    channel          VARCHAR(64)  NULL,
    status           VARCHAR(12)  NOT NULL,
    added_at         DATETIME(3)  NOT NULL,
    lost_at          DATETIME(3)  NULL,
    updated_at       DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_wecom_contact (tenant_id, wecom_user_id, external_user_id),
    KEY ix_wecom_contact_guide (tenant_id, guide_id, status),
    KEY ix_wecom_contact_member (tenant_id, member_id),
    KEY ix_wecom_contact_external (tenant_id, external_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_wecom_callback (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    digest      CHAR(64)     NOT NULL,
    event       VARCHAR(40)  NOT NULL,
    change_type VARCHAR(40)  NULL,
    outcome     VARCHAR(200) NULL,
    received_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_wecom_callback (tenant_id, digest)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_wecom_welcome (
    tenant_id    BIGINT       NOT NULL,
    welcome_code VARCHAR(128) NOT NULL,
    contact_id   BIGINT       NOT NULL,
    status       VARCHAR(8)   NOT NULL,
    error        VARCHAR(200) NULL,
    created_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, welcome_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A contact code's state ("sy<id>") comes back in add_external_contact and names the code, so its
-- channel and store reach the binding.
CREATE TABLE guide_wecom_contact_code (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT        NOT NULL,
    kind         VARCHAR(8)    NOT NULL,
    channel      VARCHAR(64)   NOT NULL,
    store_id     BIGINT        NULL,
    guide_ids    VARCHAR(1000) NOT NULL,
    config_id    VARCHAR(64)   NULL,
    qr_code      VARCHAR(512)  NULL,
    welcome_text VARCHAR(1000) NULL,
    created_by   BIGINT        NULL,
    created_at   DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_contact_code_channel (tenant_id, channel),
    KEY ix_contact_code_store (tenant_id, store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- WeCom's customer transfer (在职继承 ONJOB for a MOVED guide, 离职继承 RESIGNED for a LEFT one), one row per
-- external contact of a handover: PENDING (to submit) → WAITING (WeCom accepted, result polled) →
-- TRANSFERRED / REFUSED, or FAILED (retried at next_at until attempts run out; next_at null = final).
CREATE TABLE guide_wecom_transfer (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id        BIGINT       NOT NULL,
    handover_id      BIGINT       NOT NULL,
    member_id        BIGINT       NOT NULL,
    external_user_id VARCHAR(128) NOT NULL,
    from_guide_id    BIGINT       NOT NULL,
    from_user_id     VARCHAR(64)  NOT NULL,
    to_guide_id      BIGINT       NOT NULL,
    to_user_id       VARCHAR(64)  NULL,
    mode             VARCHAR(8)   NOT NULL,
    status           VARCHAR(12)  NOT NULL,
    attempts         INT          NOT NULL DEFAULT 0,
    errcode          INT          NULL,
    detail           VARCHAR(200) NULL,
    next_at          DATETIME(3)  NULL,
    updated_at       DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_wecom_transfer (tenant_id, handover_id, external_user_id),
    KEY ix_wecom_transfer_due (status, next_at),
    KEY ix_wecom_transfer_contact (tenant_id, from_user_id, external_user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the binding remembers when the shopper deleted the bound guide on WeCom (cleared when they add one again)
ALTER TABLE guide_binding ADD COLUMN wecom_lost_at DATETIME(3) NULL;
