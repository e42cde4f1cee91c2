package com.siyu.touchpoint.messaging.domain;

/**
 * How often one member may be messaged, across all channels, per day and per ISO week of the tenant's zone, and how
 * long after a click a payment is credited to the message.
 */
public record ContactPolicy(int dailyCap, int weeklyCap, int attributionHours) {

    public static final ContactPolicy DEFAULT = new ContactPolicy(2, 6, 72);
}
