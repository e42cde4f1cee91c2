-- Tasks (小任务): lifecycle tasks generated from events (a new member bound → welcome them; a big spend → thank
-- them), manual tasks a manager assigns; each with its guide, target member, due time, suggested content and
-- coupon, evidence and reward (guide points, their own ledger, never member points). A generated task is unique per
-- (rule, source_key): WELCOME once per member and guide, BIG_SPEND once per payment.
CREATE TABLE guide_task_policy (
    tenant_id       BIGINT        NOT NULL PRIMARY KEY,
    welcome_enabled TINYINT(1)    NOT NULL,
    welcome_hours   INT           NOT NULL,
    welcome_content VARCHAR(500)  NULL,
    big_spend_fen   BIGINT        NULL,
    big_spend_hours INT           NOT NULL,
    reward_points   INT           NOT NULL,
    updated_at      DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_task (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT        NOT NULL,
    rule               VARCHAR(12)   NOT NULL,
    guide_id           BIGINT        NOT NULL,
    store_id           BIGINT        NOT NULL,
    member_id          BIGINT        NULL,
    title              VARCHAR(100)  NOT NULL,
    content            VARCHAR(1000) NULL,
    coupon_template_id BIGINT        NULL,
    reward_points      INT           NOT NULL,
    completes_on       VARCHAR(8)    NOT NULL,
    source_key         VARCHAR(80)   NULL,
    status             VARCHAR(10)   NOT NULL,
    due_at             DATETIME(3)   NOT NULL,
    escalated_at       DATETIME(3)   NULL,
    done_at            DATETIME(3)   NULL,
    done_by            VARCHAR(6)    NULL,
    evidence           VARCHAR(500)  NULL,
    created_by         BIGINT        NULL,
    created_at         DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_task_source (tenant_id, rule, source_key),
    KEY ix_task_guide (tenant_id, guide_id, status),
    KEY ix_task_member (tenant_id, member_id, status),
    KEY ix_task_due (status, escalated_at, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_points (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    guide_id   BIGINT      NOT NULL,
    task_id    BIGINT      NOT NULL,
    points     INT         NOT NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_task (tenant_id, task_id),
    KEY ix_points_guide (tenant_id, guide_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
