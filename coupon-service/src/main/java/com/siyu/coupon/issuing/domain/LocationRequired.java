package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class LocationRequired extends DomainException {

    public LocationRequired(long templateId) {
        super(HttpStatus.BAD_REQUEST, "LOCATION_REQUIRED",
                "Coupon template " + templateId + " can only be claimed near its stores: send latitude and longitude");
    }
}
