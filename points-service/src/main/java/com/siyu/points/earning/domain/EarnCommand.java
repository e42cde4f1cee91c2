package com.siyu.points.earning.domain;

import java.time.Instant;

/** Earn points on payment {@code bizId} (the payment's number); {@code paidAt} null = now. */
public record EarnCommand(long memberId, String bizId, long amountFen, Long storeId, Long merchantId, String category,
                          String memberTier, Instant paidAt) {
}
