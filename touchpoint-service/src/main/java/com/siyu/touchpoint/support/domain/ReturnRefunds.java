package com.siyu.touchpoint.support.domain;

import java.util.List;

/** payment-service's refund of a shop order under the work order's own refund number (infra: Feign). */
public interface ReturnRefunds {

    /** What payment-service did: its status (SUCCEEDED, PENDING…), the gross refunded, points given back, coupons restored. */
    record Outcome(String status, long grossFen, long pointsReturned, List<Long> restoredCouponIds) {
    }

    /** Throws a RemoteRejection when payment-service refuses (not the tenant's, not refundable), another exception when it cannot be asked. */
    Outcome refund(String refundNo, String paymentNo, String orderNo, Long amountFen, String reason, Long staffId);
}
