package com.siyu.points.receipt.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class ReceiptAlreadyClaimed extends DomainException {

    public ReceiptAlreadyClaimed(String receiptNo) {
        super(HttpStatus.CONFLICT, "RECEIPT_ALREADY_CLAIMED",
                "Receipt " + receiptNo + " of this counter was already claimed (a rejected claim may be submitted again)");
    }
}
