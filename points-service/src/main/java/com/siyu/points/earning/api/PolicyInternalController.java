package com.siyu.points.earning.api;

import com.siyu.common.context.CallerContext;
import com.siyu.points.earning.domain.Earnings;
import com.siyu.points.earning.domain.PointsPolicy;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's points policy for other services (payment-service prices points with its redeem rate). */
@RestController
class PolicyInternalController {

    private final Earnings earnings;

    PolicyInternalController(Earnings earnings) {
        this.earnings = earnings;
    }

    @GetMapping("/internal/points/policy")
    PointsPolicy policy() {
        CallerContext.requireTenant();
        return earnings.policy();
    }
}
