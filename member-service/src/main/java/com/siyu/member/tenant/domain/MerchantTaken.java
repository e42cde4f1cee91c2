package com.siyu.member.tenant.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class MerchantTaken extends DomainException {

    public MerchantTaken() {
        super(HttpStatus.CONFLICT, "MERCHANT_TAKEN", "A merchant with this code in the store, or this cashier QR id, already exists");
    }
}
