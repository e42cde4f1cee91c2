package com.siyu.coupon.wallet.domain;

/**
 * available → locked (by one payment) → used; locked → available on release; used → available on a restoring refund;
 * available → revoked when the payment that bought it (a group-buy voucher, a blind box) is refunded.
 */
public enum CouponStatus { AVAILABLE, LOCKED, USED, EXPIRED, REVOKED }
