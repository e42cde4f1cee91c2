package com.siyu.common.web;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

/**
 * Role checks for staff endpoints. The gateway already refuses {@code /admin/**} without a staff
 * token; services check the role again because they must not rely on the edge alone.
 */
public final class StaffOnly {

    private StaffOnly() {
    }

    /** The current caller, who must be staff of a tenant holding one of {@code roles}. */
    public static Caller require(String... roles) {
        Caller caller = CallerContext.current();
        if (!caller.isStaff() || !caller.hasTenant()) {
            throw new DomainException(HttpStatus.UNAUTHORIZED, "STAFF_TOKEN_REQUIRED",
                    "This endpoint is for a tenant's staff; sign in as staff first");
        }
        if (roles.length > 0 && !caller.hasAnyRole(roles)) {
            throw new DomainException(HttpStatus.FORBIDDEN, "ROLE_REQUIRED",
                    "This action needs one of the roles " + String.join(", ", roles));
        }
        return caller;
    }
}
