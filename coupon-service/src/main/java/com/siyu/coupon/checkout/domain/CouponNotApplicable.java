package com.siyu.coupon.checkout.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class CouponNotApplicable extends DomainException {

    public CouponNotApplicable(long couponId, String why) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_NOT_APPLICABLE", "Coupon " + couponId + " does not apply: " + why,
                Map.of("couponId", couponId));
    }
}
