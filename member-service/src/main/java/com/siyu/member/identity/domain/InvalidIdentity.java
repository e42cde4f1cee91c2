package com.siyu.member.identity.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class InvalidIdentity extends DomainException {

    public InvalidIdentity(String detail) {
        super(HttpStatus.BAD_REQUEST, "INVALID_IDENTITY", detail);
    }
}
