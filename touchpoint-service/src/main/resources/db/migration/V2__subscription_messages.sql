-- Mini-program subscription messages (订阅消息), the first channel: a shopper's "allow" for a template is one send
-- quota (per member per template); the tenant's frequency caps across channels and its presets; an unsubscribe per
-- channel; every send logged once per source (the event and preset that caused it) with its status, WeChat's msgid
-- and answer. Events in through common's inbox, out through its outbox.
CREATE TABLE tp_subscription_quota (
    tenant_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    template_id VARCHAR(64) NOT NULL,
    quota       INT         NOT NULL,
    granted     INT         NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, member_id, template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_contact_policy (
    tenant_id  BIGINT      NOT NULL PRIMARY KEY,
    daily_cap  INT         NOT NULL,
    weekly_cap INT         NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_unsubscribe (
    tenant_id BIGINT      NOT NULL,
    member_id BIGINT      NOT NULL,
    channel   VARCHAR(16) NOT NULL,
    at        DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, member_id, channel)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_preset (
    tenant_id   BIGINT        NOT NULL,
    kind        VARCHAR(24)   NOT NULL,
    enabled     TINYINT(1)    NOT NULL,
    template_id VARCHAR(64)   NOT NULL,
    page        VARCHAR(256)  NULL,
    fields      VARCHAR(2000) NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_send (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT        NOT NULL,
    member_id      BIGINT        NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    template_id    VARCHAR(64)   NOT NULL,
    page           VARCHAR(256)  NULL,
    data           VARCHAR(2000) NOT NULL,
    preset         VARCHAR(24)   NULL,
    source_key     VARCHAR(100)  NOT NULL,
    status         VARCHAR(10)   NOT NULL,
    reason         VARCHAR(32)   NULL,
    due_at         DATETIME(3)   NOT NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    claimed_at     DATETIME(3)   NULL,
    sent_at        DATETIME(3)   NULL,
    channel_msg_id VARCHAR(64)   NULL,
    response       VARCHAR(500)  NULL,
    created_at     DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_send_source (tenant_id, source_key),
    KEY ix_send_due (status, due_at),
    KEY ix_send_member (tenant_id, member_id, status, sent_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE inbox_message (
    message_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    event_key   VARCHAR(100) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    KEY ix_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE outbox_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(48) NOT NULL,
    payload      MEDIUMTEXT  NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
