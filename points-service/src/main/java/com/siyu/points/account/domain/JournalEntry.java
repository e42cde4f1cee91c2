package com.siyu.points.account.domain;

import java.time.Instant;

public record JournalEntry(long id, long memberId, BizType bizType, String bizId, long delta, long balanceAfter,
                           Long storeId, String reason, Instant createdAt) {
}
