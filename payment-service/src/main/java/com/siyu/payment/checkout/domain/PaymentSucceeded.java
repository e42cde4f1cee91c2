package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/**
 * Published through the outbox once a payment is paid. {@code attribution}: the guide share-link token the shopper
 * paid through (opaque here, null without one); guide-service verifies it and decides who is credited. {@code coupons}:
 * each coupon used and what it took off, in all and of it the mall's part (touchpoint-service's campaign return).
 */
public record PaymentSucceeded(String paymentNo, long memberId, String transactionId, long grossFen, long discountFen,
                               long pointsUsed, long cashFen, Instant paidAt, List<MerchantOrder> orders,
                               String attribution, List<CouponUse> coupons) {

    public record CouponUse(long couponId, long amountFen, long platformFen) {
    }

    /** The coupons of the payment's discount lines (a coupon split over several shop orders is summed). */
    static List<CouponUse> couponsOf(List<DiscountLine> lines) {
        java.util.Map<Long, long[]> byCoupon = new java.util.LinkedHashMap<>();
        for (DiscountLine line : lines) {
            if (line.kind() == DiscountKind.COUPON && line.source() != null && line.source().startsWith("coupon-")) {
                long[] sum = byCoupon.computeIfAbsent(Long.parseLong(line.source().substring("coupon-".length())), id -> new long[2]);
                sum[0] += line.amountFen();
                sum[1] += line.platformFen();
            }
        }
        return byCoupon.entrySet().stream().map(e -> new CouponUse(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }
}
