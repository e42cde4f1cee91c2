-- Tenant directory: a tenant is a mall group; it has stores (mall buildings, outlets, supermarkets).
-- The tenant table itself is the one table that is not tenant-scoped (siyu.tenant.exempt-tables).
CREATE TABLE tenant (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code           VARCHAR(32)  NOT NULL,
    name           VARCHAR(100) NOT NULL,
    miniapp_app_id VARCHAR(32)  NULL,
    mp_app_id      VARCHAR(32)  NULL,
    corp_id        VARCHAR(32)  NULL,
    time_zone      VARCHAR(40)  NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_tenant_code (code),
    UNIQUE KEY uk_tenant_miniapp (miniapp_app_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE store (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT        NOT NULL,
    code       VARCHAR(32)   NOT NULL,
    name       VARCHAR(100)  NOT NULL,
    address    VARCHAR(200)  NULL,
    latitude   DECIMAL(9, 6) NULL,
    longitude  DECIMAL(9, 6) NULL,
    created_at DATETIME(3)   NOT NULL,
    updated_at DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_store_code (tenant_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE staff (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    store_id      BIGINT       NULL,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(64)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    roles         VARCHAR(200) NOT NULL,
    failed_logins INT          NOT NULL DEFAULT 0,
    locked_until  DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_staff_username (tenant_id, username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member (
    id                  BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id           BIGINT      NOT NULL,
    phone               VARCHAR(20) NULL,
    nickname            VARCHAR(64) NULL,
    funnel_stage        VARCHAR(20) NOT NULL,
    registered_store_id BIGINT      NULL,
    created_at          DATETIME(3) NOT NULL,
    updated_at          DATETIME(3) NOT NULL,
    UNIQUE KEY uk_member_phone (tenant_id, phone)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- RS256 signing keys (platform-wide, not tenant-scoped). The newest ACTIVE key signs; every
-- non-retired key is published in the JWKS so tokens stay valid across a rotation.
CREATE TABLE signing_key (
    kid         VARCHAR(40)  NOT NULL PRIMARY KEY,
    private_der TEXT         NOT NULL,
    public_der  TEXT         NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    created_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
