package com.siyu.payment.pointspay.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.payment.client.PointsClient;
import java.util.UUID;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;

/**
 * Settles a counter order with points as one Seata AT global transaction over two services:
 * branch 1 spends the points in points-service, branch 2 records the payment here. If the second
 * branch fails (the order was already paid) the points spend is undone by Seata; no fallback hides
 * a failed call, the exception must reach the transaction manager.
 */
@Service
public class PointsCashier {

    private final PointsClient points;
    private final PaymentRepository payments;

    public PointsCashier(PointsClient points, PaymentRepository payments) {
        this.points = points;
        this.payments = payments;
    }

    @GlobalTransactional(name = "siyu-points-payment", timeoutMills = 15_000, rollbackFor = Exception.class)
    public Receipt pay(PayWithPoints request) {
        String paymentNo = "PP" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase();
        PointsClient.SpendResult spent = points.spend(
                new PointsClient.Spend(request.memberId(), request.points(), paymentNo, request.storeId()));
        return new Receipt(payments.insert(paymentNo, request, spent.id()), spent.balanceAfter());
    }

    public PointsPayment get(String paymentNo) {
        return payments.findByPaymentNo(paymentNo).orElseThrow(() -> DomainException.notFound("Payment", paymentNo));
    }
}
