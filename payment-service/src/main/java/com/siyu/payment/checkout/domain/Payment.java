package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/** A mini-program cashier payment: its shop orders, the discount lines on them and where it stands at the channel. */
public record Payment(String paymentNo, long memberId, PaymentStatus status, String channel, long grossFen, long discountFen,
                      long pointsUsed, long pointsFen, long cashFen, List<Long> couponIds, String prepayId, String transactionId,
                      String failureCode, Instant expiresAt, Instant paidAt, Instant rewardedAt, Instant createdAt,
                      List<MerchantOrder> orders, List<DiscountLine> lines) {

    public boolean usesPoints() {
        return pointsUsed > 0;
    }

    public boolean usesCoupons() {
        return !couponIds.isEmpty();
    }
}
