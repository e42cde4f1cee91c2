package com.siyu.points.account.domain;

/** Why the points changed; with the business id it makes each journal line unique. */
public enum BizType {
    /** An operator's manual credit or debit. */
    ADJUSTMENT,
    /** Points spent at payment, confirmed at once (payment-service's /internal/points/spends). */
    PAYMENT_SPEND,
    /** Points held for a payment not confirmed yet; confirmed or released later. */
    RESERVE,
    /** A held reservation given back. */
    RELEASE,
    /** Points earned on a payment. */
    EARN,
    /** Earned points taken back because the payment was (partly) refunded. */
    EARN_REVERSAL,
    /** Points spent on a payment given back because it was (partly) refunded. */
    REFUND_RETURN,
    /** A lot whose last valid day has passed. */
    EXPIRY,
    /** Points redeemed for parking at the car park. */
    PARKING,
    /** The absorbed member's balance and debt leaving its account when member-service merged it into another (biz id = merge id). */
    MERGE_OUT,
    /** The same points and debt arriving at the survivor's account (biz id = merge id). */
    MERGE_IN,
    /** A merge undone: what is still left of the moved lots, and debt still owed, leaving the survivor. */
    UNMERGE_OUT,
    /** ... and arriving back at the formerly absorbed member's account. */
    UNMERGE_IN
}
