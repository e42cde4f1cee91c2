package com.siyu.coupon.wallet.domain;

import java.time.Instant;

/** Event: a member's coupon ends soon; touchpoint-service sends the reminder. */
public record CouponExpiring(long couponId, long templateId, long memberId, Instant validTo, long daysLeft) {
}
