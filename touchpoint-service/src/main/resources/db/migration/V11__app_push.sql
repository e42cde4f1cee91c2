-- App push (APP_PUSH) through the tenant's JPush app: its AppKey and Master Secret (sealed at rest with touchpoint's data
-- key), and the shoppers' devices as the app registers them (JPush registration ids). A registration id is one device
-- of one member of the tenant: registered again by another member it moves to them (the last registration wins).
CREATE TABLE tp_push_account (
    tenant_id       BIGINT       NOT NULL PRIMARY KEY,
    app_key         VARCHAR(64)  NOT NULL,
    master_secret   VARCHAR(512) NOT NULL,
    apns_production TINYINT(1)   NOT NULL,
    updated_at      DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_push_device (
    tenant_id       BIGINT      NOT NULL,
    registration_id VARCHAR(64) NOT NULL,
    member_id       BIGINT      NOT NULL,
    platform        VARCHAR(8)  NOT NULL,
    registered_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, registration_id),
    KEY ix_push_device_member (tenant_id, member_id, registered_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
