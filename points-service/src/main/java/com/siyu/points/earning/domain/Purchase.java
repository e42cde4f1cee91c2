package com.siyu.points.earning.domain;

import java.time.Instant;

/** A paid purchase points are earned on: where, what, by whom (tier), when, how much (fen). */
public record Purchase(long amountFen, Long storeId, Long merchantId, String category, String memberTier, Instant at) {
}
