package com.siyu.member.segment.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.TenantRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Nightly evaluation of every rule tag, tenant by tenant (each as that tenant), referred-to tags first. */
@Component
class TagEvaluationJob {

    private static final Logger log = LoggerFactory.getLogger(TagEvaluationJob.class);

    private final TenantRepository tenants;
    private final Tags tags;
    private final java.time.Clock clock;

    @org.springframework.beans.factory.annotation.Value("${siyu.tags.evaluation-local-hour:4}")
    int localHour;

    TagEvaluationJob(TenantRepository tenants, Tags tags, java.time.Clock clock) {
        this.tenants = tenants;
        this.tags = tags;
        this.clock = clock;
    }

    // hourly in UTC; each tenant is evaluated in the hour its own clock reads siyu.tags.evaluation-local-hour (04:xx)
    @Scheduled(cron = "${siyu.tags.evaluation-cron:0 0 * * * *}", zone = "UTC")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "member.tag-evaluation", lockAtMostFor = "PT2H", lockAtLeastFor = "PT10M")
    public void run() {
        for (long tenantId : tenants.activeTenantsAtLocalHour(clock.instant(), localHour)) {
            CallerContext.callAs(Caller.system(tenantId), () -> {
                evaluateTenant(tenantId);
                return null;
            });
        }
    }

    private void evaluateTenant(long tenantId) {
        List<Tag> ruleTags;
        try {
            ruleTags = tags.ruleTagsInEvaluationOrder();
        } catch (RuntimeException e) {
            log.error("Rule tags of tenant {} could not be listed", tenantId, e);
            return;
        }
        for (Tag tag : ruleTags) {
            try {
                TagEvaluation done = tags.evaluate(tag.id());
                if (done.added() > 0 || done.removed() > 0) {
                    log.info("Rule tag {} '{}' of tenant {}: +{} -{} → {} members in {} ms", tag.id(), tag.name(), tenantId,
                            done.added(), done.removed(), done.count(), done.tookMs());
                }
            } catch (RuntimeException e) {
                log.error("Rule tag {} of tenant {} could not be evaluated", tag.id(), tenantId, e);
            }
        }
    }
}
