package com.siyu.coupon.template.domain;

/**
 * Cash voucher, threshold (满减: spend X get Y off), percent discount with a cap, exchange for a named
 * item, group-buy voucher (sold for money, worth more: 600 buys 750) and blind box (sold for money; the
 * buyer gets one of several prizes drawn by weight).
 */
public enum CouponType {
    CASH, THRESHOLD, DISCOUNT, EXCHANGE, GROUP_BUY, BLIND_BOX;

    /** Whether the coupon takes money off an order (exchange and blind-box coupons hand over an item instead). */
    public boolean monetary() {
        return this != EXCHANGE && this != BLIND_BOX;
    }

    /** Whether the discount is a fixed amount (applied before percentage discounts when coupons stack). */
    public boolean fixedAmount() {
        return this == CASH || this == THRESHOLD || this == GROUP_BUY;
    }
}
