package com.siyu.payment.refund.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** A refund that cannot be made as asked (nothing left to refund, more than is left, an unknown order). */
public class RefundRefused extends DomainException {

    public RefundRefused(String code, String detail) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, code, detail);
    }
}
