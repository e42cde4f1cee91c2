package com.siyu.points.account.domain;

/**
 * A change to apply to a member's points. {@code delta} is positive for credits, negative for debits;
 * ({@code bizType}, {@code bizId}) identifies the business event so a repeat is a no-op.
 */
public record PointsChange(long memberId, long delta, BizType bizType, String bizId, Long storeId, String reason, Long operatorStaffId) {

    public PointsChange {
        if (delta == 0) {
            throw new IllegalArgumentException("a points change must not be zero");
        }
        if (bizId == null || bizId.isBlank() || bizId.length() > 64) {
            throw new IllegalArgumentException("a points change needs a business id of at most 64 characters");
        }
    }
}
