-- Events consumed from siyu.events (common's inbox): one row per message id, written in the same local
-- transaction as the event's effect, so a redelivered message changes nothing. Plain JDBC, tenant explicit.
CREATE TABLE inbox_message (
    message_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    event_key   VARCHAR(100) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    KEY ix_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- member-service merged two members: the absorbed member's balance, debt and open lots moved to the
-- survivor (journal MERGE_OUT / MERGE_IN with biz id merge-<id>); UNMERGED once undone (UNMERGE_OUT / _IN).
CREATE TABLE points_merge (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT      NOT NULL,
    merge_id        BIGINT      NOT NULL,
    survivor_id     BIGINT      NOT NULL,
    merged_id       BIGINT      NOT NULL,
    status          VARCHAR(12) NOT NULL,
    moved_points    BIGINT      NOT NULL,
    moved_debt      BIGINT      NOT NULL,
    returned_points BIGINT      NOT NULL,
    returned_debt   BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_merge (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Each open lot of the absorbed member became a lot of the survivor (same store, merchant, expiry, source).
CREATE TABLE points_merge_lot (
    id              BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id       BIGINT      NOT NULL,
    merge_id        BIGINT      NOT NULL,
    from_lot_id     BIGINT      NOT NULL,
    to_lot_id       BIGINT      NOT NULL,
    points          BIGINT      NOT NULL,
    returned_points BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    KEY ix_points_merge_lot (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
