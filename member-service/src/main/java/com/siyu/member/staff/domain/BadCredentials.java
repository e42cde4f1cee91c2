package com.siyu.member.staff.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** Deliberately vague: does not say whether the tenant, the user or the password was wrong. */
public class BadCredentials extends DomainException {

    public BadCredentials() {
        super(HttpStatus.UNAUTHORIZED, "BAD_CREDENTIALS", "Tenant, username or password is wrong");
    }
}
