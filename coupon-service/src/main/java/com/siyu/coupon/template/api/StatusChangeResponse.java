package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.StatusChange;
import java.time.Instant;

public record StatusChangeResponse(String from, String to, Long staffId, String reason, Instant at) {

    static StatusChangeResponse of(StatusChange c) {
        return new StatusChangeResponse(c.from().name(), c.to().name(), c.staffId(), c.reason(), c.at());
    }
}
