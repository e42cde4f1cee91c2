package com.siyu.payment.refund.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The refunds of the current tenant (only {@link #tenantOf} and {@link #due} look across tenants). */
public interface Refunds {

    /**
     * Claims the refund on the payment and its order: {@code refund_version} and the order's refunded gross
     * move on only if they still are what the plan was computed from. False when another refund came first.
     */
    boolean claim(String paymentNo, int refundVersion, String orderNo, long refundedGrossBefore, long grossFen);

    /** Inserts the refund (PROCESSING) and the discount lines it takes back, in one local transaction. */
    void record(NewRefund refund);

    Optional<Refund> find(String refundNo);

    List<Refund> ofPayment(String paymentNo);

    Optional<Long> tenantOf(String refundNo);

    /** The channel accepted the refund (still processing there): ask about it at {@code checkAt} if it has not confirmed. */
    void markSubmitted(String refundNo, String channelRefundId, Instant at, Instant checkAt);

    /** The channel refused or did not answer: try again at {@code nextAttemptAt}. */
    void markAttemptFailed(String refundNo, String error, Instant nextAttemptAt);

    /** PROCESSING → SUCCEEDED; false when it was not PROCESSING (a repeated confirmation). */
    boolean markSucceeded(String refundNo, String channelRefundId, Instant at);

    /** PROCESSING → ABNORMAL; false when it was not PROCESSING. */
    boolean markAbnormal(String refundNo, String error);

    /** PROCESSING refunds whose next attempt (submit again, or ask the channel) is due, across tenants. */
    List<Due> due(Instant now, int limit);

    /** What the platform and the merchant funded in discounts on a merchant's orders, net of refunds, in [from, to). */
    Subsidy subsidy(long merchantId, Instant from, Instant to);

    record Due(long tenantId, String refundNo) {
    }

    record Subsidy(long merchantId, long platformFen, long merchantFen, long platformReversedFen, long merchantReversedFen) {
    }

    record NewRefund(String refundNo, RefundPlan plan, String paymentNo, long memberId, String channel, long pointsReversed,
                     List<Long> restoredCouponIds, List<Long> revokedCouponIds, String reason, Long requestedBy) {
    }
}
