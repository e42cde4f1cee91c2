package com.siyu.payment.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** points-service's refund call: one AT branch inside the refund's global transaction, no fallback. */
@FeignClient(name = "points-service", contextId = "paymentPointsRefundClient")
public interface PointsRefundClient {

    @PostMapping("/internal/points/refunds")
    Refunded refund(@RequestBody Refund refund);

    /** {@code returnPoints} of payment {@code paymentBizId} back; {@code refundFen} of shop order {@code earnBizId} refunded. */
    record Refund(long memberId, String bizId, String paymentBizId, long returnPoints, String earnBizId, long refundFen) {
    }

    record Refunded(String bizId, long returned, long reversed, long debtRecorded, long balanceAfter) {
    }
}
