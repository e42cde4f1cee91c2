package com.siyu.points.expiry.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.Events;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.Lot;
import com.siyu.points.account.domain.PointsLedger;
import com.siyu.points.client.TenantZones;
import com.siyu.points.earning.domain.Earnings;
import com.siyu.points.earning.domain.PointsPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Expires lots past their last day and tells members ahead of time. "Day" is the tenant's local day:
 * the job runs hourly and each tenant's lots expire after midnight in its own time zone. A job has
 * no tenant in context: it finds the tenants with due lots (the one cross-tenant query) and then
 * works as each tenant in turn. Every step is idempotent, so overlapping or repeated runs are safe.
 */
@Service
public class ExpiryJob {

    private static final Logger log = LoggerFactory.getLogger(ExpiryJob.class);
    private static final int BATCH = 500;

    private final ExpiryRepository expiry;
    private final PointsLedger ledger;
    private final Earnings earnings;
    private final TenantZones zones;
    private final Events events;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ExpiryJob(ExpiryRepository expiry, PointsLedger ledger, Earnings earnings, TenantZones zones, Events events,
                     TransactionTemplate tx, Clock clock) {
        this.expiry = expiry;
        this.ledger = ledger;
        this.earnings = earnings;
        this.zones = zones;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${siyu.points.expiry.cron:0 5 * * * *}")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "points.expiry", lockAtMostFor = "PT50M", lockAtLeastFor = "PT10M")
    public void hourly() {
        ExpiryRun run = runAll(clock.instant());
        if (run.lotsExpired() > 0 || run.remindersWritten() > 0 || run.tenantsFailed() > 0) {
            log.info("Points expiry: {}", run);
        }
    }

    /** All tenants with due lots, as of {@code asOf}. */
    public ExpiryRun runAll(Instant asOf) {
        // the latest local date anywhere (UTC+14) plus the longest reminder window bounds what can be due
        LocalDate horizon = LocalDate.ofInstant(asOf, ZoneOffset.ofHours(14)).plusDays(30);
        ExpiryRun total = new ExpiryRun(0, 0, 0, 0, 0);
        for (long tenant : expiry.tenantsWithLotsDueBy(horizon)) {
            try {
                total = total.plus(CallerContext.callAs(Caller.system(tenant), () -> runTenant(asOf)));
            } catch (RuntimeException e) {
                log.warn("Points expiry for tenant {} failed; it is retried on the next run", tenant, e);
                total = total.plus(new ExpiryRun(1, 0, 0, 0, 1));
            }
        }
        return total;
    }

    /** The tenant in context, as of {@code asOf}. */
    public ExpiryRun runTenant(Instant asOf) {
        LocalDate today = LocalDate.ofInstant(asOf, zones.zone());
        PointsPolicy policy = earnings.policy();
        int expired = 0;
        long points = 0;
        java.util.Set<Long> seen = new java.util.HashSet<>();
        while (true) {
            List<Lot> due = expiry.expiredBefore(today, BATCH).stream().filter(lot -> seen.add(lot.id())).toList();
            if (due.isEmpty()) {
                break;
            }
            for (Lot lot : due) {
                JournalEntry entry = ledger.expire(lot.memberId(), lot.id(), today);
                if (entry != null) {
                    expired++;
                    points -= entry.delta();
                }
            }
        }
        int reminders = remind(today.plusDays(policy.reminderDays()));
        return new ExpiryRun(1, expired, points, reminders, 0);
    }

    private int remind(LocalDate through) {
        Map<Long, List<Lot>> byMember = expiry.unremindedDueBy(through, BATCH).stream()
                .collect(Collectors.groupingBy(Lot::memberId, LinkedHashMap::new, Collectors.toList()));
        int written = 0;
        for (Map.Entry<Long, List<Lot>> member : byMember.entrySet()) {
            Boolean wrote = tx.execute(status -> {
                List<Map<String, Object>> lots = new ArrayList<>();
                long total = 0;
                for (Lot lot : member.getValue()) {
                    if (expiry.markReminded(lot.id())) {
                        lots.add(Map.of("lotId", lot.id(), "points", lot.remaining(), "lastDay", lot.expiresOn().toString()));
                        total += lot.remaining();
                    }
                }
                if (lots.isEmpty()) {
                    return false;
                }
                events.append("points.expiring", Map.of("memberId", member.getKey(), "points", total, "lots", lots));
                return true;
            });
            if (Boolean.TRUE.equals(wrote)) {
                written++;
            }
        }
        return written;
    }
}
