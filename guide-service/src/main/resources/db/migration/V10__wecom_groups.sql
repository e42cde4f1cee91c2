-- WeCom customer groups (客户群 / 社群): each group as last read from WeCom, its members (a corp member's userid or
-- a shopper's external userid, mapped to our member when known) with when they joined and left, every join and
-- leave as an event (the daily joins/leaves), and group QR codes (加入群聊) that open a new group when full.
CREATE TABLE guide_wecom_group (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT       NOT NULL,
    chat_id        VARCHAR(64)  NOT NULL,
    name           VARCHAR(100) NULL,
    owner_user_id  VARCHAR(64)  NULL,
    owner_guide_id BIGINT       NULL,
    status         VARCHAR(10)  NOT NULL,
    members        INT          NOT NULL DEFAULT 0,
    created_at     DATETIME(3)  NULL,
    synced_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_wecom_group (tenant_id, chat_id),
    KEY ix_wecom_group_owner (tenant_id, owner_guide_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_wecom_group_member (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    chat_id     VARCHAR(64)  NOT NULL,
    member_key  VARCHAR(128) NOT NULL,
    external    TINYINT(1)   NOT NULL,
    member_id   BIGINT       NULL,
    join_scene  INT          NULL,
    joined_at   DATETIME(3)  NOT NULL,
    left_at     DATETIME(3)  NULL,
    UNIQUE KEY uk_wecom_group_member (tenant_id, chat_id, member_key),
    KEY ix_wecom_group_member_member (tenant_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_wecom_group_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    chat_id    VARCHAR(64)  NOT NULL,
    member_key VARCHAR(128) NOT NULL,
    kind       VARCHAR(5)   NOT NULL,
    at         DATETIME(3)  NOT NULL,
    KEY ix_wecom_group_event (tenant_id, chat_id, at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_wecom_group_code (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT        NOT NULL,
    name           VARCHAR(64)   NOT NULL,
    chat_ids       VARCHAR(400)  NOT NULL,
    room_base_name VARCHAR(40)   NOT NULL,
    config_id      VARCHAR(64)   NULL,
    qr_code        VARCHAR(512)  NULL,
    created_by     BIGINT        NULL,
    created_at     DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_wecom_group_code (tenant_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
