package com.siyu.points.account.domain;

import java.time.Instant;

/**
 * One immutable journal line. {@code balanceAfter} is the running balance right after the line;
 * {@code debtDelta} is the change of the recorded debt (refunds of points already spent).
 */
public record JournalEntry(long id, long memberId, BizType bizType, String bizId, long delta, long debtDelta, long balanceAfter,
                           Long storeId, String reason, Long operatorStaffId, Instant createdAt) {
}
