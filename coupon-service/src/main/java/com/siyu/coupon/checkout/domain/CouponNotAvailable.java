package com.siyu.coupon.checkout.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class CouponNotAvailable extends DomainException {

    public CouponNotAvailable(long couponId, String why) {
        super(HttpStatus.CONFLICT, "COUPON_NOT_AVAILABLE", "Coupon " + couponId + " cannot be used: " + why,
                Map.of("couponId", couponId));
    }
}
