package com.siyu.guide.handover.domain;

import java.time.Instant;

/**
 * A guide's members handed over when the guide leaves or moves: RULE (same counter's active guides first,
 * then the same store's, balanced) or LIST (the operator's guides, balanced). Progress: {@code cursor} of
 * {@code total} entries applied, {@code moved} members moved, {@code skipped} no longer the leaver's when
 * their turn came (a shopper or an operator bound them elsewhere meanwhile).
 */
public record Handover(long id, long guideId, String guideStatus, String mode, String reason, Status status, int total, int cursor,
                       int moved, int skipped, Long createdBy, Instant createdAt, Instant finishedAt) {

    public enum Status { RUNNING, DONE }
}
