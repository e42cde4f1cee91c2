package com.siyu.coupon.wallet.domain;

import java.time.Instant;

/**
 * A coupon issued to a member. {@code seq} is the n-th coupon of this template for this member;
 * {@code issueKey} the business key that made it (so a retried issue finds it instead of issuing again).
 */
public record Coupon(long id, long templateId, long memberId, int seq, String issueKey, IssueSource source,
                     CouponStatus status, Instant validFrom, Instant validTo, Long prizeId, String itemName,
                     String lockPaymentId, String usedPaymentId, String wxCardCode, Instant createdAt) {

    public boolean validAt(Instant at) {
        return !at.isBefore(validFrom) && at.isBefore(validTo);
    }
}
