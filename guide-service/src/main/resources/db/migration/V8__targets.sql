-- Campaign targets (指标分解): the plan, split once at creation down to guides; progress is read from the ledgers.
CREATE TABLE guide_target (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    name        VARCHAR(60)  NOT NULL,
    metric      VARCHAR(20)  NOT NULL,
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    goal        BIGINT       NOT NULL,
    day_weights VARCHAR(80)  NOT NULL,
    created_by  BIGINT       NULL,
    created_at  DATETIME(3)  NOT NULL,
    KEY ix_target_tenant (tenant_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The tree: the tenant, departments, stores (ref_id = store id), guides (ref_id = guide id); position orders it,
-- parent_pos points at the parent's position (-1 for the root).
CREATE TABLE guide_target_node (
    tenant_id  BIGINT      NOT NULL,
    target_id  BIGINT      NOT NULL,
    position   INT         NOT NULL,
    parent_pos INT         NOT NULL,
    level      VARCHAR(10) NOT NULL,
    ref_id     BIGINT      NULL,
    name       VARCHAR(60) NOT NULL,
    weight     BIGINT      NOT NULL,
    goal       BIGINT      NOT NULL,
    PRIMARY KEY (tenant_id, target_id, position)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
