package com.siyu.payment.checkout.domain;

/** In-process: payment {@code paymentNo} has just been settled (paid, confirmed, rewarded), in its tenant's context. */
public record PaymentSettled(String paymentNo) {
}
