package com.siyu.member.token.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class RefreshTokenRejected extends DomainException {

    public RefreshTokenRejected(String code, String detail) {
        super(HttpStatus.UNAUTHORIZED, code, detail);
    }
}
