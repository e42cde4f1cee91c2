package com.siyu.coupon.wallet.domain;

/** available → locked (by one payment) → used; locked → available on release; used → available on a restoring refund. */
public enum CouponStatus { AVAILABLE, LOCKED, USED, EXPIRED }
