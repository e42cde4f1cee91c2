package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/**
 * A mini-program cashier payment: its shop orders, the discount lines on them and where it stands at the
 * channel. {@code refundVersion} counts its refunds (each one moves it on by a conditional update);
 * {@code purchase}: the vouchers it buys (null for a counter payment), issued by {@code fulfilledAt};
 * {@code attribution}: the guide share-link token it was paid through (null without one).
 */
public record Payment(String paymentNo, long memberId, PaymentStatus status, String channel, long grossFen, long discountFen,
                      long pointsUsed, long pointsFen, long cashFen, List<Long> couponIds, String prepayId, String transactionId,
                      String failureCode, Instant expiresAt, Instant paidAt, Instant rewardedAt, Instant createdAt,
                      List<MerchantOrder> orders, List<DiscountLine> lines, int refundVersion, Purchase purchase,
                      Instant fulfilledAt, String attribution) {

    /** What a payment buys from coupon-service: {@code quantity} of template {@code templateId} (group-buy voucher, blind box). */
    public record Purchase(long templateId, int quantity) {
    }

    public boolean usesPoints() {
        return pointsUsed > 0;
    }

    public boolean usesCoupons() {
        return !couponIds.isEmpty();
    }

    public java.util.Optional<MerchantOrder> order(String orderNo) {
        return orders.stream().filter(o -> o.orderNo().equals(orderNo)).findFirst();
    }

    /** The discount lines of one shop order (by its position in {@link #orders}). */
    public List<DiscountLine> linesOf(MerchantOrder order) {
        int index = orders.indexOf(order);
        return lines.stream().filter(l -> l.order() == index).toList();
    }
}
