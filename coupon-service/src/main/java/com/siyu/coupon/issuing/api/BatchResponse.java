package com.siyu.coupon.issuing.api;

import com.siyu.coupon.issuing.domain.BatchEntry;
import com.siyu.coupon.issuing.domain.GrantBatch;
import java.time.Instant;

/** Progress of a grant batch: {@code processed} of {@code total} members, how many got a coupon and how many were refused. */
public record BatchResponse(long id, long templateId, String reason, String status, int total, int processed, int issued,
                            int failed, Instant createdAt, Instant updatedAt) {

    static BatchResponse of(GrantBatch b) {
        return new BatchResponse(b.id(), b.templateId(), b.reason(), b.status().name(), b.total(), b.cursor(), b.issued(), b.failed(),
                b.createdAt(), b.updatedAt());
    }

    public record EntryResponse(int position, long memberId, String outcome, Long couponId) {

        static EntryResponse of(BatchEntry e) {
            return new EntryResponse(e.position(), e.memberId(), e.outcome(), e.couponId());
        }
    }
}
