package com.siyu.guide.commission.domain;

/** A PaymentRefunded overtook its PaymentSucceeded: refused, so the inbox retries it once the payment is in. */
public class PaymentNotYetSeen extends IllegalStateException {

    public PaymentNotYetSeen(String orderNo) {
        super("Order " + orderNo + " has not been seen paid yet; its refund waits for it");
    }
}
