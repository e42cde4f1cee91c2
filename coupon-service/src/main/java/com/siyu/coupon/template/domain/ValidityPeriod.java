package com.siyu.coupon.template.domain;

import java.time.Instant;

/** When one issued coupon may be used: [from, to). */
public record ValidityPeriod(Instant from, Instant to) {

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
