-- WeCom group messages (客户群群发) and moments (朋友圈) an operator sends through the guides.
-- A group message is one WeCom mass-send task (add_msg_template, chat_type group) per guide: a line per guide,
-- claimed by a conditional update before its one WeCom call (never two calls for a line), retried with backoff
-- while WeCom is busy or unreachable before sending; its msgid kept, and what WeCom's results say (has the guide
-- sent it, how many groups received it) read back by a job.
-- A moment is one WeCom task (add_moment_task) over the chosen guides: its jobid polled to a moment id, then each
-- guide's publish status read back.
-- created_by + request_key: the caller's Idempotency-Key, so a create is made once even past the key's record.
CREATE TABLE guide_wecom_group_message (
    id          BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT        NOT NULL,
    created_by  BIGINT        NOT NULL,
    request_key VARCHAR(128)  NOT NULL,
    text        VARCHAR(1500) NOT NULL,
    attachments TEXT          NOT NULL,
    store_ids   VARCHAR(400)  NULL,
    created_at  DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_wecom_group_message_key (tenant_id, created_by, request_key),
    KEY ix_wecom_group_message (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- status: PENDING (due at next_at; attempts > 0 after a retryable failure), SENDING (claimed until claimed_until),
-- CREATED (WeCom's msgid), FAILED (errcode), NO_WECOM_USER, UNKNOWN (the call may have reached WeCom; never repeated)
-- wecom_status: UNSENT / SENT as WeCom's get_groupmsg_task last said; groups_*: get_groupmsg_send_result's counts
CREATE TABLE guide_wecom_group_message_line (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT        NOT NULL,
    message_id     BIGINT        NOT NULL,
    guide_id       BIGINT        NOT NULL,
    store_id       BIGINT        NOT NULL,
    sender_user_id VARCHAR(64)   NULL,
    status         VARCHAR(16)   NOT NULL,
    attempts       INT           NOT NULL DEFAULT 0,
    errcode        INT           NULL,
    detail         VARCHAR(200)  NULL,
    msg_id         VARCHAR(128)  NULL,
    fail_list      VARCHAR(2000) NULL,
    next_at        DATETIME(3)   NULL,
    claimed_until  DATETIME(3)   NULL,
    wecom_status   VARCHAR(8)    NULL,
    sent_at        DATETIME(3)   NULL,
    groups_reached INT           NULL,
    groups_unsent  INT           NULL,
    groups_failed  INT           NULL,
    read_at        DATETIME(3)   NULL,
    read_next_at   DATETIME(3)   NULL,
    updated_at     DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_wecom_group_message_line (tenant_id, message_id, guide_id),
    KEY ix_wecom_group_message_line_due (status, next_at),
    KEY ix_wecom_group_message_line_read (status, read_next_at),
    KEY ix_wecom_group_message_line_guide (tenant_id, guide_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- status: PENDING (due at next_at), SUBMITTING (claimed), SUBMITTED (WeCom's jobid, polled at next_at), CREATED
-- (WeCom's moment id; publish statuses read at read_next_at), FAILED (errcode), UNKNOWN (never repeated)
CREATE TABLE guide_wecom_moment (
    id              BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT        NOT NULL,
    created_by      BIGINT        NOT NULL,
    request_key     VARCHAR(128)  NOT NULL,
    text            VARCHAR(1500) NOT NULL,
    attachments     TEXT          NOT NULL,
    store_ids       VARCHAR(400)  NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    errcode         INT           NULL,
    detail          VARCHAR(200)  NULL,
    job_id          VARCHAR(128)  NULL,
    wecom_moment_id VARCHAR(128)  NULL,
    next_at         DATETIME(3)   NULL,
    claimed_until   DATETIME(3)   NULL,
    read_at         DATETIME(3)   NULL,
    read_next_at    DATETIME(3)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_wecom_moment_key (tenant_id, created_by, request_key),
    KEY ix_wecom_moment (tenant_id, id),
    KEY ix_wecom_moment_due (status, next_at),
    KEY ix_wecom_moment_read (status, read_next_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- status: WAITING (visible to the guide, not published yet), PUBLISHED, INVALID (WeCom's invalid_sender_list),
-- NO_WECOM_USER (left out of the task)
CREATE TABLE guide_wecom_moment_line (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    moment_id  BIGINT      NOT NULL,
    guide_id   BIGINT      NOT NULL,
    store_id   BIGINT      NOT NULL,
    user_id    VARCHAR(64) NULL,
    status     VARCHAR(16) NOT NULL,
    read_at    DATETIME(3) NULL,
    updated_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_wecom_moment_line (tenant_id, moment_id, guide_id),
    KEY ix_wecom_moment_line_guide (tenant_id, guide_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
