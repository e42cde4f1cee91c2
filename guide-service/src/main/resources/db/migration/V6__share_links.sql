-- A guide's share links (分享): a product of a counter, a coupon template or an activity, each with its own signed
-- token. Opening one records a visit per (link, member): when it was first and last opened and how often.
CREATE TABLE guide_share_link (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id          BIGINT       NOT NULL,
    guide_id           BIGINT       NOT NULL,
    kind               VARCHAR(10)  NOT NULL,
    title              VARCHAR(60)  NOT NULL,
    merchant_id        BIGINT       NULL,
    sku                VARCHAR(64)  NULL,
    coupon_template_id BIGINT       NULL,
    campaign           VARCHAR(40)  NULL,
    created_at         DATETIME(3)  NOT NULL,
    expires_at         DATETIME(3)  NOT NULL,
    KEY ix_share_link_guide (tenant_id, guide_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE guide_share_visit (
    tenant_id       BIGINT      NOT NULL,
    link_id         BIGINT      NOT NULL,
    member_id       BIGINT      NOT NULL,
    first_opened_at DATETIME(3) NOT NULL,
    last_opened_at  DATETIME(3) NOT NULL,
    opens           INT         NOT NULL,
    PRIMARY KEY (tenant_id, link_id, member_id),
    KEY ix_share_visit_member (tenant_id, member_id, last_opened_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How each attributed order found its guide: BINDING (the member's guide) or LINK (a share link opened within the
-- attribution window), with the link and its campaign.
ALTER TABLE guide_attribution
    ADD COLUMN via      VARCHAR(8)  NULL,
    ADD COLUMN link_id  BIGINT      NULL,
    ADD COLUMN campaign VARCHAR(40) NULL;
UPDATE guide_attribution SET via = 'BINDING' WHERE guide_id IS NOT NULL;
ALTER TABLE guide_attribution ADD KEY ix_attribution_link (tenant_id, link_id);

-- A commission rule may be for one campaign (it wins over counter, category and tenant-wide rules).
ALTER TABLE guide_commission_rule ADD COLUMN campaign VARCHAR(40) NULL;

-- How long after opening a share link a payment through it still credits the link's guide.
ALTER TABLE guide_commission_policy ADD COLUMN link_attribution_days INT NOT NULL DEFAULT 7;
