package com.siyu.member.member.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class InvalidPhone extends DomainException {

    public InvalidPhone(String value) {
        super(HttpStatus.BAD_REQUEST, "INVALID_PHONE", "'" + value + "' is not a mainland China mobile number (11 digits starting 13-19)");
    }
}
