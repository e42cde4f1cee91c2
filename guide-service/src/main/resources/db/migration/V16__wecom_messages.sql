-- Messages other services send to a member through their bound guide on WeCom (touchpoint-service's WeCom 1:1
-- channel): WeCom's mass-send task (add_msg_template) for that one customer, which the guide confirms in WeCom. Made
-- once per caller's key; the task's msgid kept.
CREATE TABLE guide_wecom_message (
    tenant_id        BIGINT       NOT NULL,
    send_key         VARCHAR(100) NOT NULL,
    guide_id         BIGINT       NOT NULL,
    member_id        BIGINT       NOT NULL,
    external_user_id VARCHAR(128) NOT NULL,
    msg_id           VARCHAR(64)  NOT NULL,
    at               DATETIME(3)  NOT NULL,
    PRIMARY KEY (tenant_id, send_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
