package com.siyu.coupon.issuing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface BatchRepository {

    /** The batch (RUNNING, owned by the caller from {@code now}) and one entry per member, in order. */
    GrantBatch create(long templateId, List<Long> memberIds, String reason, Long staffId, Instant now);

    Optional<GrantBatch> find(long id);

    /** Takes over a RUNNING batch whose runner has been silent since before {@code staleBefore}. */
    boolean takeOver(long id, Instant now, Instant staleBefore);

    List<BatchEntry> entriesFrom(long batchId, int position, int limit);

    List<BatchEntry> entries(long batchId, int offset, int limit);

    /** Records the outcome once; false when the entry already had one (a resumed run). */
    boolean recordOutcome(long entryId, String outcome, Long couponId);

    /** Moves the cursor forward (never back), adds to the counters and beats the heart. */
    void advance(long batchId, int cursor, int issuedDelta, int failedDelta, Instant now);

    void finish(long batchId, Instant now);

    /** Per tenant, RUNNING batches whose runner went silent (jobs run without a tenant). */
    Map<Long, List<Long>> abandoned(Instant staleBefore);
}
