-- Campaigns (半自动化): a segment of member-service, paged by a job whose cursor is kept in the same transaction as
-- the sends it made (a crash redoes at most one page, and the source key of each send makes that harmless); arms of
-- an A/B split, each a chain of channels (the next is taken when a member cannot be reached on one); an optional
-- coupon granted at send time under a key, so a retried send grants it once; one run per schedule occurrence.
CREATE TABLE tp_campaign (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT        NOT NULL,
    name               VARCHAR(64)   NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    segment_id         BIGINT        NOT NULL,
    schedule           VARCHAR(8)    NOT NULL,
    start_at           DATETIME(3)   NOT NULL,
    best_hour          TINYINT(1)    NOT NULL,
    on_cap             VARCHAR(8)    NOT NULL,
    coupon_template_id BIGINT        NULL,
    coupon_name        VARCHAR(64)   NULL,
    arms               VARCHAR(8000) NOT NULL,
    run                INT           NOT NULL DEFAULT 0,
    run_at             DATETIME(3)   NULL,
    cursor_after       BIGINT        NOT NULL DEFAULT 0,
    members_seen       BIGINT        NOT NULL DEFAULT 0,
    sends_made         BIGINT        NOT NULL DEFAULT 0,
    last_error         VARCHAR(200)  NULL,
    created_by         BIGINT        NOT NULL,
    created_at         DATETIME(3)   NOT NULL,
    updated_at         DATETIME(3)   NOT NULL,
    KEY ix_campaign_due (status, run_at),
    KEY ix_campaign_tenant (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- a send's campaign and arm; the channels still to try when this one cannot reach the member (JSON, filled at enqueue);
-- what was tried; what to do at a frequency cap (SKIP or DEFER); the coupon to grant first and its grant key
ALTER TABLE tp_send
    ADD COLUMN campaign_id        BIGINT        NULL,
    ADD COLUMN campaign_run       INT           NULL,
    ADD COLUMN arm                VARCHAR(16)   NULL,
    ADD COLUMN fallbacks          VARCHAR(4000) NULL,
    ADD COLUMN tried              VARCHAR(200)  NULL,
    ADD COLUMN on_cap             VARCHAR(8)    NULL,
    ADD COLUMN deferred_for       VARCHAR(16)   NULL,
    ADD COLUMN coupon_template_id BIGINT        NULL,
    ADD COLUMN coupon_id          BIGINT        NULL,
    ADD KEY ix_send_campaign (tenant_id, campaign_id, arm, status);

-- the tenant's SMS account at its provider (Aliyun 短信服务): the AccessKey secret sealed at rest
CREATE TABLE tp_sms_account (
    tenant_id         BIGINT       NOT NULL PRIMARY KEY,
    provider          VARCHAR(16)  NOT NULL,
    access_key_id     VARCHAR(64)  NOT NULL,
    access_key_secret VARCHAR(512) NOT NULL,
    sign_name         VARCHAR(32)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- the tenant's sensitive words (anti-harassment and compliance): no outbound text containing one is sent
CREATE TABLE tp_sensitive_word (
    tenant_id BIGINT      NOT NULL,
    word      VARCHAR(32) NOT NULL,
    added_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, word)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
