package com.siyu.payment.pointspay.domain;

import java.time.Instant;

/** A counter order settled with the member's points. */
public record PointsPayment(long id, String paymentNo, long memberId, Long storeId, String merchantOrderNo,
                            long pointsUsed, Instant createdAt) {
}
