-- A tenant's own checkout promotions (连单, 满减 tiers) and the share of a payment points may pay. A tenant
-- without a row uses the deployment's defaults (siyu.payment.promotions / siyu.payment.points). The points
-- redeem rate is points-service's (its policy per tenant), not stored here.
CREATE TABLE checkout_rules (
    id                       BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id                BIGINT      NOT NULL,
    promotions_json          TEXT        NOT NULL,
    points_max_share_percent INT         NOT NULL,
    updated_by               BIGINT      NULL,
    updated_at               DATETIME(3) NOT NULL,
    UNIQUE KEY uk_checkout_rules_tenant (tenant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
