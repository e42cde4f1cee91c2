-- Four-eyes rule for large manual adjustments: above the threshold an operator's adjustment waits
-- for a manager (not the requester) to approve it; only then does it reach the ledger.
CREATE TABLE points_adjustment_request (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id    BIGINT       NOT NULL,
    member_id    BIGINT       NOT NULL,
    points       BIGINT       NOT NULL,
    reason       VARCHAR(200) NOT NULL,
    store_id     BIGINT       NULL,
    requested_by BIGINT       NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    decided_by   BIGINT       NULL,
    decided_at   DATETIME(3)  NULL,
    journal_id   BIGINT       NULL,
    created_at   DATETIME(3)  NOT NULL,
    KEY ix_adjustment_request_status (tenant_id, status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
