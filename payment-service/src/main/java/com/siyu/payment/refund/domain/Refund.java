package com.siyu.payment.refund.domain;

import java.time.Instant;
import java.util.List;

/** A refund of part or all of one shop order, as recorded. */
public record Refund(String refundNo, String paymentNo, String orderNo, long memberId, long merchantId, long storeId, RefundStatus status,
                     String channel, long grossFen, long cashFen, long pointsFen, long pointsReturned, long pointsReversed,
                     List<Long> restoredCouponIds, List<Long> revokedCouponIds, boolean orderFullyRefunded, String reason, Long requestedBy, String channelRefundId,
                     int attempts, String lastError, Instant submittedAt, Instant succeededAt, Instant createdAt) {
}
