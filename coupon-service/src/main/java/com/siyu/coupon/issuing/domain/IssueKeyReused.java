package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import org.springframework.http.HttpStatus;

public class IssueKeyReused extends DomainException {

    public IssueKeyReused(String key) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "ISSUE_KEY_REUSED",
                "The business key " + key + " already issued a coupon of another template or to another member");
    }
}
