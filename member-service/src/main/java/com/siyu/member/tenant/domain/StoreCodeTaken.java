package com.siyu.member.tenant.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class StoreCodeTaken extends DomainException {

    public StoreCodeTaken(String code) {
        super(HttpStatus.CONFLICT, "STORE_CODE_TAKEN", "This tenant already has a store with code '" + code + "'");
    }
}
