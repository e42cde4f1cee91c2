package com.siyu.member.tier.domain;

import java.time.Instant;

/** A purchase or visit that earns growth; {@code bizId} (e.g. the payment id) makes it count once. */
public record GrowthEvent(long memberId, String bizId, long spendFen, Long storeId, String category, Instant occurredAt) {
}
