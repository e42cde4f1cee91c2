package com.siyu.payment.checkout.domain;

import java.time.Instant;

/** The channel says: payment {@code paymentNo} was paid, {@code amountFen}, under its own {@code transactionId}. */
public record ChannelPaid(String paymentNo, String transactionId, long amountFen, Instant paidAt) {
}
