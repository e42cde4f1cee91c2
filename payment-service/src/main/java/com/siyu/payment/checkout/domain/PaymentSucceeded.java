package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/** Published through the outbox once a payment is paid. */
public record PaymentSucceeded(String paymentNo, long memberId, String transactionId, long grossFen, long discountFen,
                               long pointsUsed, long cashFen, Instant paidAt, List<MerchantOrder> orders) {
}
