package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class CouponOutOfStock extends DomainException {

    public CouponOutOfStock(long templateId) {
        super(HttpStatus.CONFLICT, "COUPON_OUT_OF_STOCK", "Coupon template " + templateId + " has no stock left");
    }
}
