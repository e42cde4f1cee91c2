package com.siyu.payment.client;

import java.time.Instant;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** points-service as payment-service needs it. Called inside global transactions: no fallback. */
@FeignClient(name = "points-service", contextId = "paymentPointsClient")
public interface PointsClient {

    @PostMapping("/internal/points/spends")
    SpendResult spend(@RequestBody Spend spend);

    @GetMapping("/internal/points/accounts/{memberId}")
    Balance account(@PathVariable("memberId") long memberId);

    @PostMapping("/internal/points/reservations")
    Reservation reserve(@RequestBody Reserve reserve);

    @PostMapping("/internal/points/reservations/{bizId}/confirm")
    Reservation confirm(@PathVariable("bizId") String bizId);

    @PostMapping("/internal/points/reservations/{bizId}/release")
    Reservation release(@PathVariable("bizId") String bizId);

    /** The tenant's points policy: its redeem rate prices points at the cashier. */
    @GetMapping("/internal/points/policy")
    Policy policy();

    record Policy(int redeemPointsPerYuan) {
    }

    @PostMapping("/internal/points/earnings")
    Earned earn(@RequestBody Earn earn);

    record Spend(long memberId, long points, String bizId, Long storeId) {
    }

    record SpendResult(long id, long balanceAfter) {
    }

    record Balance(long memberId, long balance, long debt) {
    }

    record Reserve(long memberId, long points, String bizId, Long storeId) {
    }

    record Reservation(long id, long memberId, String bizId, long points, Long storeId, String status, long journalId, Long balanceAfter) {
    }

    record Earn(long memberId, String bizId, long amountFen, Long storeId, Long merchantId, String category, String memberTier,
                Instant paidAt) {
    }

    record Earned(Long id, long points, long debtRepaid, Long balanceAfter) {
    }
}
