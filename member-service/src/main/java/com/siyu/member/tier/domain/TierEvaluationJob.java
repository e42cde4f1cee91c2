package com.siyu.member.tier.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.TenantRepository;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly tier downgrade evaluation, tenant by tenant (each run as that tenant). */
@Component
class TierEvaluationJob {

    private static final Logger log = LoggerFactory.getLogger(TierEvaluationJob.class);

    private final TenantRepository tenants;
    private final Tiers tiers;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Value("${siyu.tiers.evaluation-local-hour:3}")
    int localHour;

    TierEvaluationJob(TenantRepository tenants, Tiers tiers, Clock clock) {
        this.tenants = tenants;
        this.tiers = tiers;
        this.clock = clock;
    }

    // hourly in UTC; each tenant is evaluated in the hour its own clock reads siyu.tiers.evaluation-local-hour (03:xx)
    @Scheduled(cron = "${siyu.tiers.evaluation-cron:0 30 * * * *}", zone = "UTC")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "member.tier-evaluation", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10M")
    public void run() {
        for (long tenantId : tenants.activeTenantsAtLocalHour(clock.instant(), localHour)) {
            try {
                int changed = CallerContext.callAs(Caller.system(tenantId), () -> tiers.evaluate(clock.instant()));
                if (changed > 0) {
                    log.info("Tier evaluation for tenant {} changed {} members", tenantId, changed);
                }
            } catch (RuntimeException e) {
                log.error("Tier evaluation for tenant {} failed", tenantId, e);
            }
        }
    }
}
