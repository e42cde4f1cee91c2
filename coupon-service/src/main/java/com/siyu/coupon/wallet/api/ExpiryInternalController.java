package com.siyu.coupon.wallet.api;

import com.siyu.common.context.CallerContext;
import com.siyu.coupon.wallet.domain.ExpiryJob;
import com.siyu.coupon.wallet.domain.ExpiryRun;
import java.time.Clock;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expiry job on demand (platform operations, tests): with X-Tenant-Id only that tenant, without it
 * every tenant with work; {@code asOf} makes runs deterministic.
 */
@RestController
class ExpiryInternalController {

    private final ExpiryJob job;
    private final Clock clock;

    ExpiryInternalController(ExpiryJob job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    @PostMapping("/internal/coupon/jobs/expiry")
    ExpiryRun run(@RequestBody(required = false) ExpiryRequest request) {
        return job.run(request == null || request.asOf() == null ? clock.instant() : request.asOf(),
                CallerContext.current().tenantId());
    }
}
