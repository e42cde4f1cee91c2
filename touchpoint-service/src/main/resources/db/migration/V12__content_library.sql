-- The content library: materials (text, image and file references, mini-program cards, links) and scripts (话术)
-- with {variables} that campaigns and guides reuse. Each row carries a version: an edit names the version it read and
-- loses (409) to an edit made meanwhile. Archived rows stay for the sends and scripts that used them.
CREATE TABLE tp_material (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT        NOT NULL,
    kind       VARCHAR(16)   NOT NULL,
    title      VARCHAR(64)   NOT NULL,
    body       VARCHAR(2000) NULL,
    url        VARCHAR(512)  NULL,
    page       VARCHAR(256)  NULL,
    thumb_url  VARCHAR(512)  NULL,
    status     VARCHAR(10)   NOT NULL,
    version    INT           NOT NULL,
    created_by BIGINT        NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    updated_at DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_material_title (tenant_id, title),
    KEY ix_material_list (tenant_id, status, kind, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_script (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT        NOT NULL,
    scene        VARCHAR(16)   NOT NULL,
    title        VARCHAR(64)   NOT NULL,
    text         VARCHAR(1000) NOT NULL,
    material_ids VARCHAR(200)  NOT NULL,
    status       VARCHAR(10)   NOT NULL,
    version      INT           NOT NULL,
    created_by   BIGINT        NOT NULL,
    created_at   DATETIME(3)   NOT NULL,
    updated_at   DATETIME(3)   NOT NULL,
    UNIQUE KEY uk_script_title (tenant_id, title),
    KEY ix_script_list (tenant_id, status, scene, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
