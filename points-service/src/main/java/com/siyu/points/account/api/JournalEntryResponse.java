package com.siyu.points.account.api;

import com.siyu.points.account.domain.JournalEntry;
import java.time.Instant;

/** A journal line; {@code balanceAfter} is the running balance, {@code debtDelta} the change of the recorded debt. */
public record JournalEntryResponse(long id, long memberId, String bizType, String bizId, long delta, long debtDelta, long balanceAfter,
                                   Long storeId, String reason, Long operatorStaffId, Instant createdAt) {

    public static JournalEntryResponse of(JournalEntry e) {
        return new JournalEntryResponse(e.id(), e.memberId(), e.bizType().name(), e.bizId(), e.delta(), e.debtDelta(), e.balanceAfter(),
                e.storeId(), e.reason(), e.operatorStaffId(), e.createdAt());
    }
}
