-- A guide is a staff account of member-service with the GUIDE role (staff_id), at a store and optionally a
-- counter (merchant_id), with a WeCom user id in the tenant's corp and a level. Guides enrolled before this
-- migration have no staff account and cannot sign in as guides until one is linked.
ALTER TABLE guide
    ADD COLUMN staff_id      BIGINT      NULL AFTER store_id,
    ADD COLUMN merchant_id   BIGINT      NULL AFTER staff_id,
    ADD COLUMN wecom_user_id VARCHAR(64) NULL AFTER phone,
    ADD COLUMN level         INT         NOT NULL DEFAULT 1 AFTER wecom_user_id,
    ADD UNIQUE KEY uk_guide_staff (tenant_id, staff_id),
    ADD UNIQUE KEY uk_guide_wecom (tenant_id, wecom_user_id);

-- The current binding (one row per member) remembers how it came about (the channel: a contact code or
-- campaign). Its protection runs from bound_at for the tenant's current protection days.
ALTER TABLE guide_binding
    ADD COLUMN channel VARCHAR(64) NULL AFTER source,
    MODIFY source VARCHAR(16) NOT NULL;

-- The tenant's binding rule: FIRST_TOUCH (a member keeps the first guide) or LAST_TOUCH (a later touch takes
-- the member once the protection days are over); whether an operator's assignment overrides both.
CREATE TABLE guide_binding_rule (
    tenant_id          BIGINT      NOT NULL PRIMARY KEY,
    mode               VARCHAR(16) NOT NULL,
    protection_days    INT         NOT NULL,
    operator_overrides TINYINT(1)  NOT NULL,
    updated_at         DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every change of a member's guide: who (staff or the shopper), when, why, from which guide to which.
CREATE TABLE guide_binding_history (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id      BIGINT       NOT NULL,
    member_id      BIGINT       NOT NULL,
    from_guide_id  BIGINT       NULL,
    to_guide_id    BIGINT       NULL,
    source         VARCHAR(16)  NOT NULL,
    channel        VARCHAR(64)  NULL,
    actor_staff_id BIGINT       NULL,
    reason         VARCHAR(200) NULL,
    created_at     DATETIME(3)  NOT NULL,
    KEY ix_binding_history_member (tenant_id, member_id, id),
    KEY ix_binding_history_guide (tenant_id, to_guide_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
