-- A refund of a voucher purchase takes the unused vouchers back: which coupons it revoked.
ALTER TABLE refund
    ADD COLUMN revoked_coupon_ids VARCHAR(400) NOT NULL DEFAULT '' AFTER restored_coupon_ids;
