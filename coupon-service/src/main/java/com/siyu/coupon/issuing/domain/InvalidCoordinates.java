package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class InvalidCoordinates extends DomainException {

    public InvalidCoordinates(String detail) {
        super(HttpStatus.BAD_REQUEST, "INVALID_COORDINATES", detail);
    }
}
