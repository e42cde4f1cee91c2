package com.siyu.payment.checkout.domain;

/** The payment channel refused or did not answer. Not a DomainException: it is turned into {@link PaymentChannelFailed}. */
public class ChannelFailed extends RuntimeException {

    public ChannelFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
