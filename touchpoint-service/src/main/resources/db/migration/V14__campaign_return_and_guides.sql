-- Campaign return and top guides: the guide a WeCom message went through, and what a campaign's coupon cost when it
-- was used (the discount, and the mall's part of it: the rest is the merchant's), recorded once from PaymentSucceeded.
ALTER TABLE tp_send
    ADD COLUMN guide_id          BIGINT      NULL,
    ADD COLUMN coupon_used_fen   BIGINT      NULL,
    ADD COLUMN coupon_mall_fen   BIGINT      NULL,
    ADD COLUMN coupon_payment_no VARCHAR(64) NULL,
    ADD KEY ix_send_coupon (tenant_id, coupon_id),
    ADD KEY ix_send_guide (tenant_id, guide_id, day);
