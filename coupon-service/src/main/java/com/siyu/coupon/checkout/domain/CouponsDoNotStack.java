package com.siyu.coupon.checkout.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class CouponsDoNotStack extends DomainException {

    public CouponsDoNotStack(long first, long second) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "COUPON_NOT_STACKABLE",
                "Coupons " + first + " and " + second + " cannot be used together", Map.of("couponIds", List.of(first, second)));
    }
}
