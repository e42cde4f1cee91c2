package com.siyu.coupon.issuing.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.coupon.template.domain.TemplateRepository;
import com.siyu.coupon.wallet.domain.IssueSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Operator grants to many members as a resumable batch: the batch row carries a cursor and counters
 * (the progress operators watch); each member's coupon is issued under the key batchId:memberId, so a
 * batch resumed after a crash — from a cursor that may lag behind what was issued — issues once.
 *
 * <p>Today the members are an explicit list. A segment plugs in at {@link #start}: resolve the segment
 * id to member ids page by page through member-service's segment evaluation and append them as entries.
 */
@Service
public class GrantBatches {

    private static final Logger log = LoggerFactory.getLogger(GrantBatches.class);
    private static final int CHUNK = 200;
    static final Duration SILENCE = Duration.ofSeconds(60);

    private final BatchRepository batches;
    private final TemplateRepository templates;
    private final Issuing issuing;
    private final TaskExecutor executor;
    private final Clock clock;

    static final int MAX_SEGMENT = 50_000;

    private final com.siyu.coupon.client.SegmentClient segments;

    public GrantBatches(BatchRepository batches, TemplateRepository templates, Issuing issuing,
                        @Qualifier("couponBatchExecutor") TaskExecutor executor, Clock clock,
                        com.siyu.coupon.client.SegmentClient segments) {
        this.segments = segments;
        this.batches = batches;
        this.templates = templates;
        this.issuing = issuing;
        this.executor = executor;
        this.clock = clock;
    }

    @Transactional
    public GrantBatch start(long templateId, List<Long> memberIds, String reason, Long staffId) {
        templates.find(templateId).orElseThrow(() -> DomainException.notFound("Coupon template", templateId));
        // a member listed twice is granted once (the same batchId:memberId key), so list them once
        List<Long> members = List.copyOf(new LinkedHashSet<>(memberIds));
        GrantBatch batch = batches.create(templateId, members, reason, staffId, clock.instant());
        launchAfterCommit(batch.id());
        return batch;
    }

    /**
     * Grants to every member of a segment as evaluated now (member-service pages the ids); the batch
     * then runs and resumes like any other. Segments above {@link #MAX_SEGMENT} members are refused.
     */
    public GrantBatch startForSegment(long templateId, long segmentId, String reason, Long staffId) {
        templates.find(templateId).orElseThrow(() -> DomainException.notFound("Coupon template", templateId));
        List<Long> members = new java.util.ArrayList<>();
        long after = 0;
        while (after >= 0) {
            com.siyu.coupon.client.SegmentClient.Page page = segments.members(segmentId, after, 1000);
            members.addAll(page.memberIds());
            if (members.size() > MAX_SEGMENT) {
                throw new DomainException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "SEGMENT_TOO_LARGE",
                        "Segment " + segmentId + " has more than " + MAX_SEGMENT + " members; split it");
            }
            after = page.next();
        }
        if (members.isEmpty()) {
            throw new DomainException(org.springframework.http.HttpStatus.UNPROCESSABLE_ENTITY, "SEGMENT_EMPTY",
                    "Segment " + segmentId + " has no members right now");
        }
        return start(templateId, members, reason == null ? "segment " + segmentId : reason, staffId);
    }

    public GrantBatch get(long id) {
        return batches.find(id).orElseThrow(() -> DomainException.notFound("Grant batch", id));
    }

    public List<BatchEntry> entries(long id, int offset, int limit) {
        get(id);
        return batches.entries(id, offset, limit);
    }

    /** Continues a batch whose runner died; a batch still being processed is refused, a finished one returned as is. */
    public GrantBatch resume(long id) {
        GrantBatch batch = get(id);
        if (batch.status() == GrantBatch.BatchStatus.DONE) {
            return batch;
        }
        Instant now = clock.instant();
        if (!batches.takeOver(id, now, now.minus(SILENCE))) {
            throw new BatchRunning(id);
        }
        launch(id);
        return get(id);
    }

    /** Picks up batches abandoned by a crashed instance. */
    @Scheduled(fixedDelayString = "${siyu.coupon.batch-rescue-interval:PT1M}", initialDelayString = "PT1M")
    // once per cluster: instances share the lock in this service's database (ShedLock)
    @net.javacrumbs.shedlock.spring.annotation.SchedulerLock(name = "coupon.grant-batch-rescue", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void rescueAbandoned() {
        Instant now = clock.instant();
        batches.abandoned(now.minus(SILENCE)).forEach((tenantId, ids) -> CallerContext.runAs(Caller.system(tenantId), () -> {
            for (long id : ids) {
                if (batches.takeOver(id, now, now.minus(SILENCE))) {
                    log.info("Resuming abandoned grant batch {} of tenant {}", id, tenantId);
                    launch(id);
                }
            }
        }));
    }

    private void launchAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(
                    new TransactionSynchronization() {
                        @Override
                        public void afterCommit() {
                            launch(id);
                        }
                    });
        } else {
            launch(id);
        }
    }

    private void launch(long id) {
        Caller owner = Caller.system(CallerContext.requireTenant());
        executor.execute(() -> CallerContext.runAs(owner, () -> run(id)));
    }

    /** Processes the batch from its cursor to the end; the caller owns the batch. */
    void run(long id) {
        GrantBatch batch = get(id);
        int cursor = batch.cursor();
        try {
            List<BatchEntry> entries = batches.entriesFrom(id, cursor, CHUNK);
            while (!entries.isEmpty()) {
                for (BatchEntry entry : entries) {
                    String outcome;
                    Long couponId = null;
                    try {
                        Issued issued = issuing.issue(new IssueCommand(batch.templateId(), entry.memberId(), IssueSource.BATCH,
                                id + ":" + entry.memberId(), null));
                        outcome = "ISSUED";
                        couponId = issued.coupon().id();
                    } catch (DomainException refused) {
                        outcome = refused.code();
                    }
                    boolean first = batches.recordOutcome(entry.id(), outcome, couponId);
                    boolean ok = "ISSUED".equals(outcome);
                    batches.advance(id, entry.position() + 1, first && ok ? 1 : 0, first && !ok ? 1 : 0, clock.instant());
                    cursor = entry.position() + 1;
                }
                entries = batches.entriesFrom(id, cursor, CHUNK);
            }
            batches.finish(id, clock.instant());
        } catch (RuntimeException e) {
            // left RUNNING with its cursor: resumed by rescueAbandoned or the resume endpoint
            log.error("Grant batch {} stopped at position {}", id, cursor, e);
        }
    }
}
