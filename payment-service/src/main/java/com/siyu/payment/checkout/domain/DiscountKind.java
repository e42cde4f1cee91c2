package com.siyu.payment.checkout.domain;

/** What took money off a merchant order. */
public enum DiscountKind {
    /** 连单: cross-shop combined order, percent off each shop order over a threshold. */
    COMBO,
    /** 满减 tiers on the payment's total. */
    TIER,
    /** A coupon (coupon-service decides the discount and its funding). */
    COUPON,
    /** Points deducted at the tenant's rate (the mall's liability: funded by the platform). */
    POINTS
}
