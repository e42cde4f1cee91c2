package com.siyu.coupon.checkout.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** The payment's coupons are in a state that refuses this step (e.g. release after redeem). */
public class PaymentCouponsConflict extends DomainException {

    public PaymentCouponsConflict(String code, String detail) {
        super(HttpStatus.CONFLICT, code, detail);
    }
}
