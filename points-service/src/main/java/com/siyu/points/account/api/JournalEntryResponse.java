package com.siyu.points.account.api;

import com.siyu.points.account.domain.JournalEntry;
import java.time.Instant;

public record JournalEntryResponse(long id, long memberId, String bizType, String bizId, long delta, long balanceAfter,
                                   Long storeId, String reason, Instant createdAt) {

    static JournalEntryResponse of(JournalEntry e) {
        return new JournalEntryResponse(e.id(), e.memberId(), e.bizType().name(), e.bizId(), e.delta(), e.balanceAfter(),
                e.storeId(), e.reason(), e.createdAt());
    }
}
