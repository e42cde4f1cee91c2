package com.siyu.payment.pointspay.domain;

import java.util.Optional;

public interface PaymentRepository {

    /** Records the payment; throws {@link MerchantOrderAlreadyPaid} when the counter order was paid before. */
    PointsPayment insert(String paymentNo, PayWithPoints request, long journalId);

    Optional<PointsPayment> findByPaymentNo(String paymentNo);
}
