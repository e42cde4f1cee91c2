package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/**
 * Published through the outbox once a payment is paid. {@code attribution}: the guide share-link token the shopper
 * paid through (opaque here, null without one); guide-service verifies it and decides who is credited.
 */
public record PaymentSucceeded(String paymentNo, long memberId, String transactionId, long grossFen, long discountFen,
                               long pointsUsed, long cashFen, Instant paidAt, List<MerchantOrder> orders,
                               String attribution) {
}
