package com.siyu.member.tenant.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class TenantCodeTaken extends DomainException {

    public TenantCodeTaken(String code) {
        super(HttpStatus.CONFLICT, "TENANT_CODE_TAKEN", "A tenant with code '" + code + "' (or the same mini-program app id) already exists");
    }
}
