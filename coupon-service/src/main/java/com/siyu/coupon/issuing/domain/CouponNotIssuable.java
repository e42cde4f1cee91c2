package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.coupon.template.domain.CouponTemplate;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The template is not active or outside its issuing window. */
public class CouponNotIssuable extends DomainException {

    public CouponNotIssuable(CouponTemplate template, String why) {
        super(HttpStatus.CONFLICT, "COUPON_NOT_AVAILABLE", "Coupon template " + template.id() + " cannot be issued: " + why,
                Map.of("templateStatus", template.status().name()));
    }
}
