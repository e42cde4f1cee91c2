package com.siyu.coupon.outbox.domain;

/**
 * Events written in the caller's local transaction (so an event exists exactly when the change does).
 * Publishing the rows to RabbitMQ is a separate concern that reads rows with no published_at.
 */
public interface Outbox {

    /** Appends an event of {@code type} with {@code payload} serialised as JSON; returns its event id. */
    String append(String type, Object payload);
}
