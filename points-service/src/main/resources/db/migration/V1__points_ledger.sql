-- One points account per member per tenant. The balance row is the only row a change locks; every
-- change is an immutable journal line whose (tenant, biz_type, biz_id) is unique, so the same
-- business event can never be applied twice.
CREATE TABLE points_account (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    balance    BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_account_member (tenant_id, member_id),
    CONSTRAINT ck_points_balance_not_negative CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE points_journal (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id         BIGINT       NOT NULL,
    account_id        BIGINT       NOT NULL,
    member_id         BIGINT       NOT NULL,
    biz_type          VARCHAR(24)  NOT NULL,
    biz_id            VARCHAR(64)  NOT NULL,
    delta             BIGINT       NOT NULL,
    balance_after     BIGINT       NOT NULL,
    store_id          BIGINT       NULL,
    reason            VARCHAR(200) NULL,
    operator_staff_id BIGINT       NULL,
    created_at        DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_points_journal_biz (tenant_id, biz_type, biz_id),
    KEY ix_points_journal_account (tenant_id, account_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
