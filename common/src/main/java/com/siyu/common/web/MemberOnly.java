package com.siyu.common.web;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** The shopper behind a {@code /api/**} request: the member of a verified member token, never a header. */
public final class MemberOnly {

    private MemberOnly() {
    }

    /** The signed-in member's id; 401 MEMBER_TOKEN_REQUIRED for any other caller. */
    public static long require() {
        Caller caller = CallerContext.current();
        if (caller.memberId() == null || !caller.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member first");
        }
        return caller.memberId();
    }
}
