-- A member's exclusive guide (专属导购): at most one per member (unique key), STAFF-bound or inherited on a MERGE.
CREATE TABLE guide_binding (
    id        BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id BIGINT      NOT NULL,
    member_id BIGINT      NOT NULL,
    guide_id  BIGINT      NOT NULL,
    source    VARCHAR(12) NOT NULL,
    bound_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_guide_binding_member (tenant_id, member_id),
    KEY ix_guide_binding_guide (tenant_id, guide_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- member-service merges applied to bindings: whether the survivor inherited the absorbed member's guide.
CREATE TABLE guide_merge (
    id                 BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT      NOT NULL,
    merge_id           BIGINT      NOT NULL,
    survivor_id        BIGINT      NOT NULL,
    merged_id          BIGINT      NOT NULL,
    inherited_guide_id BIGINT      NULL,
    status             VARCHAR(12) NOT NULL,
    created_at         DATETIME(3) NOT NULL,
    UNIQUE KEY uk_guide_merge (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Events consumed from siyu.events (common's inbox), written with the event's effect; plain JDBC.
CREATE TABLE inbox_message (
    message_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    event_key   VARCHAR(100) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    KEY ix_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
