package com.siyu.points.account.domain;

/**
 * A change to apply to a member's points. {@code delta} is the change of the spendable balance
 * (positive credit, negative debit), {@code debtDelta} the change of the recorded debt;
 * ({@code bizType}, {@code bizId}) identifies the business event so a repeat is a no-op.
 */
public record PointsChange(long memberId, long delta, long debtDelta, BizType bizType, String bizId, Long storeId, String reason,
                           Long operatorStaffId) {

    public PointsChange {
        if (bizId == null || bizId.isBlank() || bizId.length() > 64) {
            throw new IllegalArgumentException("a points change needs a business id of at most 64 characters");
        }
        if (reason != null && reason.length() > 200) {
            reason = reason.substring(0, 200);
        }
    }

    public PointsChange(long memberId, long delta, BizType bizType, String bizId, Long storeId, String reason, Long operatorStaffId) {
        this(memberId, delta, 0, bizType, bizId, storeId, reason, operatorStaffId);
    }

    PointsChange withAmounts(long newDelta, long newDebtDelta) {
        return new PointsChange(memberId, newDelta, newDebtDelta, bizType, bizId, storeId, reason, operatorStaffId);
    }
}
