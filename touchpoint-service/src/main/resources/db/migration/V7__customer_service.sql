-- Customer service: the tenant's mini-program message push (its Token and EncodingAESKey sealed at rest), keyword
-- auto-replies, conversations with every message in and out (WeChat's MsgId applied once), and work orders (工单)
-- routed by rules, with SLA, escalation, notes and history; a return's approval refunds through payment-service under
-- the work order's own refund number.
CREATE TABLE tp_cs_account (
    tenant_id        BIGINT       NOT NULL PRIMARY KEY,
    token            VARCHAR(512) NOT NULL,
    encoding_aes_key VARCHAR(512) NOT NULL,
    updated_at       DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_keyword_rule (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT        NOT NULL,
    match_type VARCHAR(8)    NOT NULL,
    pattern    VARCHAR(200)  NOT NULL,
    priority   INT           NOT NULL,
    reply      VARCHAR(2000) NOT NULL,
    enabled    TINYINT(1)    NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    KEY ix_keyword_rule (tenant_id, enabled, priority, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_conversation (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT      NOT NULL,
    open_id         VARCHAR(64) NOT NULL,
    member_id       BIGINT      NULL,
    status          VARCHAR(10) NOT NULL,
    last_inbound_at DATETIME(3) NOT NULL,
    waiting_since   DATETIME(3) NULL,
    updated_at      DATETIME(3) NOT NULL,
    UNIQUE KEY uk_conversation (tenant_id, open_id),
    KEY ix_conversation_status (tenant_id, status, waiting_since)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_cs_message (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT        NOT NULL,
    conversation_id BIGINT        NOT NULL,
    direction       VARCHAR(3)    NOT NULL,
    msg_type        VARCHAR(20)   NOT NULL,
    content         VARCHAR(2000) NULL,
    wechat_msg_id   VARCHAR(32)   NULL,
    rule_id         BIGINT        NULL,
    staff_id        BIGINT        NULL,
    outcome         VARCHAR(40)   NULL,
    at              DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_cs_message_wechat (tenant_id, wechat_msg_id),
    KEY ix_cs_message_conversation (tenant_id, conversation_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_work_order_route (
    tenant_id BIGINT      NOT NULL,
    kind      VARCHAR(12) NOT NULL,
    role      VARCHAR(16) NOT NULL,
    sla_hours INT         NOT NULL,
    PRIMARY KEY (tenant_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_work_order (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id           BIGINT        NOT NULL,
    kind                VARCHAR(12)   NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    member_id           BIGINT        NOT NULL,
    conversation_id     BIGINT        NULL,
    store_id            BIGINT        NULL,
    title               VARCHAR(80)   NOT NULL,
    detail              VARCHAR(1000) NULL,
    payment_no          VARCHAR(40)   NULL,
    order_no            VARCHAR(40)   NULL,
    amount_fen          BIGINT        NULL,
    role                VARCHAR(16)   NOT NULL,
    assignee_staff_id   BIGINT        NULL,
    due_at              DATETIME(3)   NOT NULL,
    escalations         INT           NOT NULL DEFAULT 0,
    refund_no           CHAR(26)      NULL,
    refund_status       VARCHAR(12)   NULL,
    refunded_fen        BIGINT        NULL,
    points_returned     BIGINT        NULL,
    restored_coupon_ids VARCHAR(400)  NULL,
    created_by          VARCHAR(24)   NOT NULL,
    created_at          DATETIME(3)   NOT NULL,
    updated_at          DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_work_order_refund (refund_no),
    KEY ix_work_order_status (tenant_id, status, due_at),
    KEY ix_work_order_member (tenant_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_work_order_event (
    id            BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT        NOT NULL,
    work_order_id BIGINT        NOT NULL,
    action        VARCHAR(16)   NOT NULL,
    from_status   VARCHAR(10)   NULL,
    to_status     VARCHAR(10)   NULL,
    actor         VARCHAR(24)   NOT NULL,
    note          VARCHAR(1000) NULL,
    at            DATETIME(3)   NOT NULL,
    KEY ix_work_order_event (tenant_id, work_order_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
