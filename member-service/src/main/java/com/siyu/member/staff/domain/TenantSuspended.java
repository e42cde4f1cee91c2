package com.siyu.member.staff.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class TenantSuspended extends DomainException {

    public TenantSuspended() {
        super(HttpStatus.FORBIDDEN, "TENANT_SUSPENDED", "This tenant is suspended; contact the platform operator");
    }
}
