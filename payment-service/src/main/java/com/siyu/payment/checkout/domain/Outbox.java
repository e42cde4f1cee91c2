package com.siyu.payment.checkout.domain;

/** Events written in the same local transaction as the change they report; published at least once later. */
public interface Outbox {

    /** Appends the event; returns its event id (consumers dedupe on it). */
    String append(String type, Object payload);
}
