package com.siyu.points.expiry.api;

import com.siyu.common.context.CallerContext;
import com.siyu.points.expiry.domain.ExpiryJob;
import com.siyu.points.expiry.domain.ExpiryRun;
import java.time.Clock;
import java.time.Instant;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The expiry job on demand (operations, tests): for the tenant in the X-Tenant-Id header, or for
 * every tenant with due lots when none is given; {@code asOf} makes the run deterministic.
 */
@RestController
class ExpiryInternalController {

    private final ExpiryJob job;
    private final Clock clock;

    ExpiryInternalController(ExpiryJob job, Clock clock) {
        this.job = job;
        this.clock = clock;
    }

    @PostMapping("/internal/points/expiry-runs")
    ExpiryRun run(@RequestBody(required = false) ExpiryRunRequest request) {
        Instant asOf = request == null || request.asOf() == null ? clock.instant() : request.asOf();
        return CallerContext.current().hasTenant() ? job.runTenant(asOf) : job.runAll(asOf);
    }
}
