-- A guide who leaves or moves hands their members over (离职继承 / 在职继承): one job per handover with its
-- progress, and one entry per member with the successor chosen when the job was created. Entries are
-- applied in chunks (position order); a chunk moves only members still bound to the leaver, so a chunk
-- applied again after a crash changes nothing.
CREATE TABLE guide_handover (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT       NOT NULL,
    guide_id      BIGINT       NOT NULL,
    guide_status  VARCHAR(16)  NOT NULL,
    mode          VARCHAR(8)   NOT NULL,
    reason        VARCHAR(200) NULL,
    status        VARCHAR(12)  NOT NULL,
    total         INT          NOT NULL,
    cursor_pos    INT          NOT NULL DEFAULT 0,
    moved         INT          NOT NULL DEFAULT 0,
    skipped       INT          NOT NULL DEFAULT 0,
    created_by    BIGINT       NULL,
    created_at    DATETIME(3)  NOT NULL,
    heartbeat_at  DATETIME(3)  NOT NULL,
    finished_at   DATETIME(3)  NULL,
    KEY ix_handover_guide (tenant_id, guide_id),
    KEY ix_handover_status (status, heartbeat_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_handover_entry (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id     BIGINT      NOT NULL,
    handover_id   BIGINT      NOT NULL,
    position      INT         NOT NULL,
    member_id     BIGINT      NOT NULL,
    from_guide_id BIGINT      NOT NULL,
    to_guide_id   BIGINT      NOT NULL,
    outcome       VARCHAR(12) NULL,
    UNIQUE KEY uk_handover_position (handover_id, position),
    KEY ix_handover_member (tenant_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
