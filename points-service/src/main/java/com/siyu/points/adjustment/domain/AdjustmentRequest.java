package com.siyu.points.adjustment.domain;

import java.time.Instant;

/** A large manual adjustment waiting for (or decided by) a second person. */
public record AdjustmentRequest(long id, long memberId, long points, String reason, Long storeId, long requestedBy, Status status,
                                Long decidedBy, Instant decidedAt, Long journalId, Instant createdAt) {

    public enum Status { PENDING, APPROVED, REJECTED }
}
