-- What the shopper sees after paying at a counter (the merchant's landing page): a coupon to claim, an
-- activity page of the mini-program, the official-account follow card, the guide's WeCom contact QR.
-- merchant_id 0 is the tenant's default, used for every counter without its own.
CREATE TABLE landing_page (
    id                      BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id               BIGINT       NOT NULL,
    merchant_id             BIGINT       NOT NULL,
    coupon_template_id      BIGINT       NULL,
    activity_path           VARCHAR(200) NULL,
    follow_official_account TINYINT(1)   NOT NULL,
    wecom_contact_url       VARCHAR(300) NULL,
    updated_by              BIGINT       NULL,
    updated_at              DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_landing_page_merchant (tenant_id, merchant_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
