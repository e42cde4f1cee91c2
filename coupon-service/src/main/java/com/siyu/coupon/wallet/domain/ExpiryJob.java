package com.siyu.coupon.wallet.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.outbox.domain.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires coupons past their validity and raises a CouponExpiring event (through the outbox; touchpoint-
 * service sends the reminder) N days before a coupon ends, once per coupon. A job has no tenant: it finds
 * the tenants with work and runs as each of them.
 */
@Component
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);
    private static final int PAGE = 500;

    private final CouponRepository coupons;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration remindBefore;

    public ExpiryJob(CouponRepository coupons, Outbox outbox, TransactionTemplate tx, Clock clock,
                     @Value("${siyu.coupon.reminder-days:3}") int reminderDays) {
        this.coupons = coupons;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.remindBefore = Duration.ofDays(reminderDays);
    }

    @Scheduled(fixedDelayString = "${siyu.coupon.expiry-interval:PT15M}", initialDelayString = "PT2M")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "coupon.expiry", lockAtMostFor = "PT30M", lockAtLeastFor = "PT5M")
    public void scheduled() {
        ExpiryRun run = run(clock.instant(), null);
        if (run.expired() > 0 || run.reminded() > 0) {
            log.info("Coupon expiry: {} expired, {} reminders over {} tenants", run.expired(), run.reminded(), run.tenants());
        }
    }

    /** Runs as of {@code asOf} for one tenant, or for every tenant with work when {@code tenantId} is null. */
    public ExpiryRun run(Instant asOf, Long tenantId) {
        Instant horizon = asOf.plus(remindBefore);
        List<Long> tenants = tenantId != null ? List.of(tenantId) : coupons.tenantsWithCouponsEndingBy(horizon);
        int[] counts = new int[2];
        for (long tenant : tenants) {
            CallerContext.runAs(Caller.system(tenant), () -> {
                for (int n = coupons.expire(asOf, PAGE); n > 0; n = coupons.expire(asOf, PAGE)) {
                    counts[0] += n;
                }
                for (List<Coupon> due = coupons.dueForReminder(asOf, horizon, PAGE); !due.isEmpty();
                     due = coupons.dueForReminder(asOf, horizon, PAGE)) {
                    for (Coupon coupon : due) {
                        Boolean sent = tx.execute(status -> {
                            if (!coupons.markReminded(coupon.id(), clock.instant())) {
                                return false;
                            }
                            long daysLeft = Math.max(1, (Duration.between(asOf, coupon.validTo()).toHours() + 23) / 24);
                            outbox.append("CouponExpiring", new CouponExpiring(coupon.id(), coupon.templateId(), coupon.memberId(),
                                    coupon.validTo(), daysLeft));
                            return true;
                        });
                        if (Boolean.TRUE.equals(sent)) {
                            counts[1]++;
                        }
                    }
                }
            });
        }
        return new ExpiryRun(asOf, tenants.size(), counts[0], counts[1]);
    }
}
