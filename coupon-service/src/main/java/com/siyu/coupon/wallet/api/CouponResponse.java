package com.siyu.coupon.wallet.api;

import com.siyu.coupon.wallet.domain.Coupon;
import java.time.Instant;

/** An issued coupon as clients see it. */
public record CouponResponse(long id, long templateId, long memberId, String status, String source, Instant validFrom,
                             Instant validTo, String itemName, Long prizeId, Instant issuedAt) {

    public static CouponResponse of(Coupon c) {
        return new CouponResponse(c.id(), c.templateId(), c.memberId(), c.status().name(), c.source().name(), c.validFrom(),
                c.validTo(), c.itemName(), c.prizeId(), c.createdAt());
    }
}
