-- guide-service's outbox (GuideBound, MembersHandedOver, CommissionSettled), relayed by common's OutboxRelay.
CREATE TABLE outbox_event (
    id           BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT      NOT NULL,
    event_id     CHAR(36)    NOT NULL,
    type         VARCHAR(48) NOT NULL,
    payload      MEDIUMTEXT  NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    published_at DATETIME(3) NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY ix_outbox_unpublished (published_at, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A settlement run reads back what it settled (CommissionSettled per guide) by its instant.
ALTER TABLE guide_commission_line ADD KEY ix_commission_settled (status, settled_at);
