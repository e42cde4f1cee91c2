package com.siyu.touchpoint.messaging.domain;

/** How often one member may be messaged, across all channels, per day and per ISO week of the tenant's zone. */
public record ContactPolicy(int dailyCap, int weeklyCap) {

    public static final ContactPolicy DEFAULT = new ContactPolicy(2, 6);
}
