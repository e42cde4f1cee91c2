package com.siyu.payment.checkout.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/** The signed-in shopper of a {@code /api} request (the gateway put the member token's ids in the context). */
public final class Shoppers {

    private Shoppers() {
    }

    public static long memberId() {
        Long member = CallerContext.current().memberId();
        if (member == null || !CallerContext.current().hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "MEMBER_TOKEN_REQUIRED", "Sign in as a member of the mall first");
        }
        return member;
    }
}
