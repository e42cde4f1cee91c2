package com.siyu.coupon.issuing.domain;

import java.time.Instant;

/** Event: a coupon reached a member's wallet (the card-wallet sync and touchpoints listen). */
public record CouponIssued(long couponId, long templateId, long memberId, String source, Instant validFrom, Instant validTo,
                           String itemName, String wxCardId) {
}
