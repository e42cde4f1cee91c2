package com.siyu.coupon.issuing.domain;

import java.time.Instant;

/** An operator's grant of one template to a list of members; {@code cursor} members are done. */
public record GrantBatch(long id, long templateId, String reason, BatchStatus status, int total, int cursor, int issued,
                         int failed, Instant createdAt, Instant updatedAt) {

    public enum BatchStatus { RUNNING, DONE }
}
