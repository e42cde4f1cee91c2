package com.siyu.payment.checkout.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** A channel notification that is not trusted or does not match the payment (bad signature, wrong amount or merchant). */
public class NotificationRejected extends DomainException {

    public NotificationRejected(String code, String detail) {
        super(HttpStatus.BAD_REQUEST, code, detail);
    }
}
