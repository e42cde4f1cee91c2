package com.siyu.payment.checkout.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class PaymentNotPending extends DomainException {

    public PaymentNotPending(String paymentNo, PaymentStatus status) {
        super(HttpStatus.CONFLICT, "PAYMENT_NOT_PENDING", "Payment " + paymentNo + " is " + status + ", not waiting for payment");
    }
}
