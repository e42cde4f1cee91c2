package com.siyu.payment.pointspay.api;

import com.siyu.payment.pointspay.domain.PointsPayment;
import java.time.Instant;

public record PointsPaymentResponse(String paymentNo, long memberId, Long storeId, String merchantOrderNo, long pointsUsed,
                                    Long pointsBalanceAfter, Instant createdAt) {

    static PointsPaymentResponse of(PointsPayment p, Long balanceAfter) {
        return new PointsPaymentResponse(p.paymentNo(), p.memberId(), p.storeId(), p.merchantOrderNo(), p.pointsUsed(), balanceAfter, p.createdAt());
    }
}
