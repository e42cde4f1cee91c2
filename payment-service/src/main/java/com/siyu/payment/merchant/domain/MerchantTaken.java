package com.siyu.payment.merchant.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class MerchantTaken extends DomainException {

    public MerchantTaken(String merchant) {
        super(HttpStatus.CONFLICT, "MERCHANT_TAKEN", "WeChat Pay merchant " + merchant + " is already another tenant's");
    }
}
