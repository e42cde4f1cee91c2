package com.siyu.payment.checkout.domain;

/** PENDING → PAID on the channel's confirmation; PENDING → FAILED when the channel refused; PENDING → CLOSED on timeout. */
public enum PaymentStatus {
    PENDING, PAID, FAILED, CLOSED
}
