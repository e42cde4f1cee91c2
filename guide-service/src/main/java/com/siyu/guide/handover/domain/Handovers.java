package com.siyu.guide.handover.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.events.domain.GuideEvents;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.wecom.domain.WecomTransfers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a guide leaves (LEFT) or moves (MOVED) their members go to successors: by RULE, the active guides of
 * the leaver's counter, else of the leaver's store, balanced by the members each already has; or to an
 * explicit LIST of the tenant's active guides, balanced the same way. The guide's status changes at once (no
 * new member can bind to them); the members move in the background in chunks, each chunk one transaction,
 * with progress readable; a crashed runner's handover is taken over after a minute's silence (or resumed by
 * hand) and a chunk applied twice moves nothing twice. Members a shopper or operator bound elsewhere before
 * their turn are SKIPPED. Commission the leaver earned stays theirs (it is not a binding).
 */
@Service
public class Handovers {

    private static final Logger log = LoggerFactory.getLogger(Handovers.class);
    static final int CHUNK = 500;
    static final Duration SILENCE = Duration.ofSeconds(60);

    private final HandoverRepository handovers;
    private final Roster roster;
    private final TaskExecutor executor;
    private final TransactionTemplate tx;
    private final GuideEvents events;
    private final WecomTransfers wecom;
    private final com.siyu.guide.tasks.domain.Tasks tasks;
    private final Clock clock;

    public Handovers(HandoverRepository handovers, Roster roster, @Qualifier("guideHandoverExecutor") TaskExecutor executor,
                     PlatformTransactionManager transactions, GuideEvents events, WecomTransfers wecom,
                     com.siyu.guide.tasks.domain.Tasks tasks, Clock clock) {
        this.handovers = handovers;
        this.roster = roster;
        this.executor = executor;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.wecom = wecom;
        this.tasks = tasks;
        this.clock = clock;
    }

    public record Start(long guideId, GuideStatus newStatus, List<Long> toGuideIds, String reason, Long staffId) {
    }

    public Handover start(Start start) {
        Guide leaver = roster.get(start.guideId());
        if (start.newStatus() == GuideStatus.ACTIVE) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A handover makes the guide LEFT or MOVED");
        }
        if (handovers.running(leaver.id())) {
            throw new DomainException(HttpStatus.CONFLICT, "HANDOVER_RUNNING", "Guide " + leaver.id() + " has a handover still running");
        }
        boolean byRule = start.toGuideIds() == null || start.toGuideIds().isEmpty();
        List<Long> pool = byRule ? byRule(leaver) : listed(leaver, start.toGuideIds());
        // the status first: from now on no touch binds a member to the leaver, so the members read next are all of them
        // (a touch already past its check when the status changed is caught by handing the guide over again)
        roster.changeStatus(leaver.id(), start.newStatus());
        if (start.newStatus() == GuideStatus.LEFT) {
            // a guide who left is not trained any more (a MOVED one goes on at the new store)
            tasks.leftTraining(leaver.id());
        }
        List<Long> members = handovers.membersOf(leaver.id());
        List<Long> successors = Successors.assign(pool, handovers.memberCounts(pool), members.size());
        Instant now = clock.instant();
        long id = handovers.create(leaver.id(), start.newStatus().name(), byRule ? "RULE" : "LIST", start.reason(), start.staffId(), members,
                successors, now);
        launch(id);
        return get(id);
    }

    public Handover get(long id) {
        return handovers.find(id).orElseThrow(() -> DomainException.notFound("Handover", id));
    }

    public Map<Long, Long> received(long id) {
        get(id);
        return handovers.received(id);
    }

    /** Continues a handover whose runner died; one still being run is refused, a finished one returned as is. */
    public Handover resume(long id) {
        Handover handover = get(id);
        if (handover.status() == Handover.Status.DONE) {
            return handover;
        }
        Instant now = clock.instant();
        if (!handovers.takeOver(id, now, now.minus(SILENCE))) {
            throw new DomainException(HttpStatus.CONFLICT, "HANDOVER_RUNNING", "Handover " + id + " is being applied right now");
        }
        launch(id);
        return get(id);
    }

    @Scheduled(fixedDelayString = "${siyu.guide.handover-rescue-interval:PT1M}", initialDelayString = "PT1M")
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "guide.handover-rescue", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void rescueAbandoned() {
        Instant now = clock.instant();
        handovers.abandoned(now.minus(SILENCE)).forEach((tenantId, ids) -> CallerContext.runAs(Caller.system(tenantId), () -> {
            for (long id : ids) {
                if (handovers.takeOver(id, now, now.minus(SILENCE))) {
                    log.info("Resuming abandoned handover {} of tenant {}", id, tenantId);
                    launch(id);
                }
            }
        }));
    }

    /** Applies the handover from its cursor to the end; the caller owns it. */
    void run(long id) {
        Handover handover = get(id);
        Guide leaver = roster.get(handover.guideId());
        int cursor = handover.cursor();
        try {
            while (cursor < handover.total()) {
                int to = Math.min(handover.total(), cursor + CHUNK);
                int from = cursor;
                tx.executeWithoutResult(status -> {
                    Instant now = clock.instant();
                    List<HandoverRepository.Moved> moved = handovers.applyChunk(id, from, to, reasonOf(handover), now);
                    if (!moved.isEmpty()) {
                        // one event per chunk (not per member): who now belongs to whom
                        events.publish(CallerContext.requireTenant(), "MembersHandedOver", Map.of("handoverId", id, "fromGuideId",
                                handover.guideId(), "members", moved, "at", now.toString()));
                        // the leaver's WeCom contacts among them, queued for WeCom's own transfer (same transaction)
                        wecom.enqueue(id, leaver, moved.stream().map(m -> new WecomTransfers.Moved(m.memberId(), m.guideId())).toList(), now);
                        // and the leaver's open tasks about them
                        Map<Long, Long> newGuideOf = new java.util.HashMap<>();
                        moved.forEach(m -> newGuideOf.put(m.memberId(), m.guideId()));
                        tasks.moveOpen(handover.guideId(), newGuideOf);
                    }
                });
                cursor = to;
            }
            handovers.finish(id, clock.instant());
        } catch (RuntimeException e) {
            // left RUNNING at its cursor: taken over by rescueAbandoned or the resume endpoint
            log.error("Handover {} stopped at position {}", id, cursor, e);
        }
    }

    private void launch(long id) {
        Caller owner = Caller.system(CallerContext.requireTenant());
        executor.execute(() -> CallerContext.runAs(owner, () -> run(id)));
    }

    private static String reasonOf(Handover handover) {
        String why = handover.reason() == null ? "" : ": " + handover.reason();
        String text = "handover " + handover.id() + " (guide " + handover.guideStatus().toLowerCase(java.util.Locale.ROOT) + why + ")";
        return text.length() <= 200 ? text : text.substring(0, 200);
    }

    /** The leaver's counter's active guides, else the leaver's store's. */
    private List<Long> byRule(Guide leaver) {
        List<Guide> store = roster.list(leaver.storeId()).stream()
                .filter(g -> g.id() != leaver.id() && g.status() == GuideStatus.ACTIVE).toList();
        if (leaver.merchantId() != null) {
            List<Long> counter = store.stream().filter(g -> Objects.equals(g.merchantId(), leaver.merchantId())).map(Guide::id).toList();
            if (!counter.isEmpty()) {
                return counter;
            }
        }
        if (store.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "NO_SUCCESSOR",
                    "Store " + leaver.storeId() + " has no other active guide to take guide " + leaver.id() + "'s members; name them in toGuideIds");
        }
        return store.stream().map(Guide::id).toList();
    }

    private List<Long> listed(Guide leaver, List<Long> ids) {
        List<Long> pool = List.copyOf(new LinkedHashSet<>(ids));
        for (long id : pool) {
            Guide guide = roster.find(id).orElseThrow(() -> new com.siyu.common.reference.UnknownReference("toGuideIds", "Guide", id));
            if (guide.id() == leaver.id() || guide.status() != GuideStatus.ACTIVE) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "SUCCESSOR_NOT_ACTIVE",
                        "Guide " + id + " cannot take members: " + (guide.id() == leaver.id() ? "it is the leaver" : "it is " + guide.status()));
            }
        }
        return pool;
    }
}
