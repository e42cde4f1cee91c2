-- Each tenant's WeChat Pay merchant (issue 10 §4): its own (DIRECT) or a sub-merchant of the deployment's
-- service-provider merchant (PARTNER). A merchant or sub-merchant belongs to one tenant. Secrets are
-- SecretBox envelopes (AES-GCM under a data key wrapped by the key from the environment).
CREATE TABLE payment_merchant_account (
    id                     BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id              BIGINT        NOT NULL,
    mode                   VARCHAR(16)   NOT NULL,
    mch_id                 VARCHAR(32)   NULL,
    sub_mch_id             VARCHAR(32)   NULL,
    api_v3_key             VARCHAR(512)  NULL,
    merchant_serial_no     VARCHAR(64)   NULL,
    private_key            TEXT          NULL,
    platform_public_key    TEXT          NULL,
    platform_public_key_id VARCHAR(80)   NULL,
    updated_at             DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_merchant_account_tenant (tenant_id),
    UNIQUE KEY uk_merchant_account_mch (mch_id),
    UNIQUE KEY uk_merchant_account_sub (sub_mch_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Which merchant took each WeChat Pay order and refund (PLATFORM, PARTNER:<sub_mchid>, DIRECT:<mchid>):
-- queries, closes, refunds and notifications go to / are checked against that merchant even after the
-- tenant's account changes. Orders from before this table are the deployment's (PLATFORM).
CREATE TABLE wechat_payee (
    no         VARCHAR(64) NOT NULL PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    payee      VARCHAR(48) NOT NULL,
    created_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
