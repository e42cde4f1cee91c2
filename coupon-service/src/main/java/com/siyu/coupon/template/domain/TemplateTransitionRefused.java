package com.siyu.coupon.template.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class TemplateTransitionRefused extends DomainException {

    public TemplateTransitionRefused(long id, TemplateStatus from, TemplateStatus to) {
        super(HttpStatus.CONFLICT, "COUPON_TEMPLATE_TRANSITION_REFUSED",
                "Coupon template " + id + " is " + from + " and cannot become " + to,
                Map.of("templateStatus", from.name(), "requestedStatus", to.name()));
    }
}
