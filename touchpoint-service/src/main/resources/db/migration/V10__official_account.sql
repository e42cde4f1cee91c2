-- The tenant's official account (公众号) for template messages: its AppSecret sealed at rest. touchpoint-service is the
-- one holder of that account's access token (WxJava asks WeChat for it), so no other service may hold it.
CREATE TABLE tp_mp_account (
    tenant_id  BIGINT       NOT NULL PRIMARY KEY,
    app_id     VARCHAR(64)  NOT NULL,
    app_secret VARCHAR(512) NOT NULL,
    updated_at DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
