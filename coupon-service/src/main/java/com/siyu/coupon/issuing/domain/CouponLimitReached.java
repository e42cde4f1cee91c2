package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class CouponLimitReached extends DomainException {

    public CouponLimitReached(long templateId, int limit, Integer dailyLimit) {
        super(HttpStatus.CONFLICT, "COUPON_LIMIT_REACHED", "The member already has the most coupons of template " + templateId
                + " allowed (" + limit + " in total" + (dailyLimit == null ? "" : ", " + dailyLimit + " a day") + ")");
    }
}
