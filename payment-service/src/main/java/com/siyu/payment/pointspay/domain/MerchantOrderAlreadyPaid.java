package com.siyu.payment.pointspay.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class MerchantOrderAlreadyPaid extends DomainException {

    public MerchantOrderAlreadyPaid(String merchantOrderNo) {
        super(HttpStatus.CONFLICT, "MERCHANT_ORDER_ALREADY_PAID",
                "Counter order " + merchantOrderNo + " has already been paid; no points were taken this time");
    }
}
