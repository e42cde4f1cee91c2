-- Group-buy vouchers and blind boxes sold for money through the cashier: the payment says what it buys;
-- fulfilled_at is set once every voucher was issued (or what could not be issued was refunded).
ALTER TABLE checkout_payment
    ADD COLUMN purchase_template_id BIGINT NULL AFTER coupon_ids,
    ADD COLUMN purchase_quantity    INT    NULL AFTER purchase_template_id,
    ADD COLUMN fulfilled_at         DATETIME(3) NULL AFTER rewarded_at,
    ADD KEY ix_checkout_unfulfilled (status, purchase_template_id, fulfilled_at);
