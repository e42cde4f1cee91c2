-- Events consumed from siyu.events (common's inbox): one row per message id, written in the same local
-- transaction as the event's effect, so a redelivered message changes nothing. Plain JDBC, tenant explicit.
CREATE TABLE inbox_message (
    message_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    event_key   VARCHAR(100) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    KEY ix_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- member-service merged two members: the absorbed member's AVAILABLE coupons moved to the survivor and its
-- claim counts were added to the survivor's (see WalletMergePlan); UNMERGED once undone.
CREATE TABLE coupon_merge (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    merge_id    BIGINT      NOT NULL,
    survivor_id BIGINT      NOT NULL,
    merged_id   BIGINT      NOT NULL,
    status      VARCHAR(12) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_coupon_merge (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE coupon_merge_coupon (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    merge_id    BIGINT      NOT NULL,
    coupon_id   BIGINT      NOT NULL,
    template_id BIGINT      NOT NULL,
    from_seq    INT         NOT NULL,
    to_seq      INT         NOT NULL,
    returned    BOOLEAN     NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    KEY ix_coupon_merge_coupon (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE coupon_merge_quota (
    id          BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id   BIGINT      NOT NULL,
    merge_id    BIGINT      NOT NULL,
    template_id BIGINT      NOT NULL,
    added       INT         NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    KEY ix_coupon_merge_quota (tenant_id, merge_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
