package com.siyu.payment.refund.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** Another refund of the same payment was recorded while this one was computed: ask again. */
public class RefundConflict extends DomainException {

    public RefundConflict(String paymentNo) {
        super(HttpStatus.CONFLICT, "REFUND_CONFLICT", "Another refund of payment " + paymentNo + " was just recorded; try again");
    }
}
