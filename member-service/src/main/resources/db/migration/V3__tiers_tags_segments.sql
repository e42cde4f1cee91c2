-- Tiers per tenant by growth value; a member is upgraded as soon as growth reaches min_growth and
-- re-evaluated (possibly downgraded) by the scheduled evaluation over the trailing window.
CREATE TABLE tier (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    code       VARCHAR(32) NOT NULL,
    name       VARCHAR(64) NOT NULL,
    min_growth BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_tier_code (tenant_id, code),
    UNIQUE KEY uk_tier_growth (tenant_id, min_growth)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Growth comes from business events (payments, visits), each applied once.
CREATE TABLE growth_journal (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    biz_id      VARCHAR(64) NOT NULL,
    growth      BIGINT      NOT NULL,
    spend_fen   BIGINT      NOT NULL,
    store_id    BIGINT      NULL,
    category    VARCHAR(40) NULL,
    created_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_growth_biz (tenant_id, biz_id),
    KEY ix_growth_member (tenant_id, member_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tag (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    name       VARCHAR(40) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_tag_name (tenant_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE member_tag (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    tag_id     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_member_tag (tenant_id, member_id, tag_id),
    KEY ix_member_tag_tag (tenant_id, tag_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A segment is a rule (JSON, validated on save) evaluated to SQL with bound parameters only.
CREATE TABLE segment (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT       NOT NULL,
    name       VARCHAR(64)  NOT NULL,
    rule       TEXT         NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_segment_name (tenant_id, name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
