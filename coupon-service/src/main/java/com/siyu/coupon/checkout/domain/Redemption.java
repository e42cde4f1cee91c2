package com.siyu.coupon.checkout.domain;

/** One coupon used by one payment, with the discount and its funding split. */
public record Redemption(long id, String paymentId, long couponId, long memberId, long templateId, long discountFen,
                         long merchantFen, long platformFen, RedemptionStatus status) {
}
