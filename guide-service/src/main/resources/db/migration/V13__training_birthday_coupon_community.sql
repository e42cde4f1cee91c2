-- The rest of the task kinds. BIRTHDAY: a bound member's birthday in the coming birthday_days (member-service's
-- birthday); COUPON_EXPIRY: coupon-service's CouponExpiring for a bound member (off with coupon_expiry_enabled = 0);
-- COMMUNITY: a task about one of the guide's WeCom groups (chat_id), done with evidence or, with a goal, when the
-- group gains that many shoppers (WeCom's change callbacks); NEWBIE: one task per step of the tenant's training path
-- (step_code), done in order. Guide levels and badges gamify guide points (their own ledger, never member points).
ALTER TABLE guide_task
    MODIFY COLUMN rule VARCHAR(16) NOT NULL,
    ADD COLUMN chat_id   VARCHAR(64) NULL,
    ADD COLUMN goal      INT         NULL,
    ADD COLUMN step_code VARCHAR(32) NULL,
    ADD KEY ix_task_chat (tenant_id, chat_id, status);

ALTER TABLE guide_task_policy
    ADD COLUMN birthday_days         INT        NOT NULL DEFAULT 3,
    ADD COLUMN coupon_expiry_enabled TINYINT(1) NOT NULL DEFAULT 1;

CREATE TABLE guide_training_step (
    tenant_id     BIGINT        NOT NULL,
    code          VARCHAR(32)   NOT NULL,
    position      INT           NOT NULL,
    title         VARCHAR(100)  NOT NULL,
    content       VARCHAR(1000) NULL,
    reward_points INT           NOT NULL,
    due_days      INT           NOT NULL,
    active        TINYINT(1)    NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (tenant_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_level (
    tenant_id  BIGINT      NOT NULL,
    level      INT         NOT NULL,
    name       VARCHAR(32) NOT NULL,
    min_points INT         NOT NULL,
    PRIMARY KEY (tenant_id, level)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_badge (
    tenant_id BIGINT      NOT NULL,
    code      VARCHAR(32) NOT NULL,
    name      VARCHAR(32) NOT NULL,
    kind      VARCHAR(16) NOT NULL,
    threshold INT         NOT NULL,
    PRIMARY KEY (tenant_id, code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_badge_award (
    tenant_id  BIGINT      NOT NULL,
    guide_id   BIGINT      NOT NULL,
    badge_code VARCHAR(32) NOT NULL,
    awarded_at DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, guide_id, badge_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
