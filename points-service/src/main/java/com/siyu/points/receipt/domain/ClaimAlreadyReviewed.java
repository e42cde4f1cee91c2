package com.siyu.points.receipt.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class ClaimAlreadyReviewed extends DomainException {

    public ClaimAlreadyReviewed(long id, ReceiptClaim.Status status) {
        super(HttpStatus.CONFLICT, "CLAIM_ALREADY_REVIEWED", "Receipt claim " + id + " is already " + status);
    }
}
