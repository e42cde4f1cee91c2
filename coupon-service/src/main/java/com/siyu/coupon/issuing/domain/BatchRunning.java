package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class BatchRunning extends DomainException {

    public BatchRunning(long id) {
        super(HttpStatus.CONFLICT, "GRANT_BATCH_RUNNING", "Grant batch " + id + " is being processed; watch its progress instead");
    }
}
