package com.siyu.payment.checkout.domain;

import java.time.Instant;
import java.util.List;

/** What {@link Payments#create} records in one local transaction. */
public record NewPayment(String paymentNo, long memberId, String channel, Bill bill, long pointsUsed, List<Long> couponIds,
                         String payerOpenid, Instant expiresAt, Payment.Purchase purchase, String attribution) {
}
