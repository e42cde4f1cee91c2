package com.siyu.coupon.template.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class InvalidTemplate extends DomainException {

    public InvalidTemplate(String detail) {
        super(HttpStatus.BAD_REQUEST, "COUPON_TEMPLATE_INVALID", detail);
    }
}
