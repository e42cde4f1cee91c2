package com.siyu.payment.refund.api;

import com.siyu.payment.refund.domain.Refund;
import java.time.Instant;
import java.util.List;

/** A refund: what came back in cash, in points (returned), what was taken back (reversed earnings), and where the cash stands. */
public record RefundResponse(String refundNo, String paymentNo, String orderNo, long merchantId, String status, long grossFen, long cashFen,
                             long pointsFen, long pointsReturned, long pointsReversed, List<Long> restoredCouponIds,
                             List<Long> revokedCouponIds, boolean orderFullyRefunded, String reason, int channelAttempts, String lastChannelError, Instant createdAt,
                             Instant succeededAt) {

    static RefundResponse of(Refund r) {
        return new RefundResponse(r.refundNo(), r.paymentNo(), r.orderNo(), r.merchantId(), r.status().name(), r.grossFen(), r.cashFen(),
                r.pointsFen(), r.pointsReturned(), r.pointsReversed(), r.restoredCouponIds(), r.revokedCouponIds(), r.orderFullyRefunded(), r.reason(),
                r.attempts(), r.lastError(), r.createdAt(), r.succeededAt());
    }
}
