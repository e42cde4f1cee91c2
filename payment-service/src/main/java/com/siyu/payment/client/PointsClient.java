package com.siyu.payment.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** points-service as payment-service needs it. Called inside global transactions: no fallback. */
@FeignClient(name = "points-service", contextId = "paymentPointsClient")
public interface PointsClient {

    @PostMapping("/internal/points/spends")
    SpendResult spend(@RequestBody Spend spend);

    record Spend(long memberId, long points, String bizId, Long storeId) {
    }

    record SpendResult(long id, long balanceAfter) {
    }
}
