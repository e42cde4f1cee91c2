package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** How an operator's WeCom call that failed is answered: 502 WECOM_REJECTED with WeCom's errcode, 503 WECOM_UNAVAILABLE. */
final class WecomFailures {

    private WecomFailures() {
    }

    static DomainException problem(WecomRejected e) {
        return new DomainException(HttpStatus.BAD_GATEWAY, "WECOM_REJECTED", e.getMessage(), Map.of("wecomErrcode", e.errcode()));
    }

    static DomainException problem(WecomUnavailable e) {
        return new DomainException(HttpStatus.SERVICE_UNAVAILABLE, "WECOM_UNAVAILABLE", e.getMessage());
    }
}
