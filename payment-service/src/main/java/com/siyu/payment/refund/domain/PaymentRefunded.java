package com.siyu.payment.refund.domain;

import java.time.Instant;
import java.util.List;

/** Published through the outbox once the channel has returned a refund's cash (at once when there is no cash to return). */
public record PaymentRefunded(String refundNo, String paymentNo, String orderNo, long memberId, long merchantId, long storeId, String category,
                              long grossFen,
                              long cashFen, long pointsFen, long pointsReturned, long pointsReversed, List<Long> restoredCouponIds,
                              List<Long> revokedCouponIds, boolean orderFullyRefunded, Instant refundedAt) {

    static PaymentRefunded of(Refund r, String category, Instant at) {
        return new PaymentRefunded(r.refundNo(), r.paymentNo(), r.orderNo(), r.memberId(), r.merchantId(), r.storeId(), category, r.grossFen(),
                r.cashFen(), r.pointsFen(), r.pointsReturned(), r.pointsReversed(), r.restoredCouponIds(), r.revokedCouponIds(), r.orderFullyRefunded(), at);
    }
}
