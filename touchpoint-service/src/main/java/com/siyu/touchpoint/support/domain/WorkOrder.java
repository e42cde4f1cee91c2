package com.siyu.touchpoint.support.domain;

import java.time.Instant;
import java.util.List;

/**
 * A work order (工单): OPEN in the queue of its role (and store) until someone takes it (ASSIGNED); RESOLVED, REJECTED
 * or CLOSED at the end. A RETURN names a shop order of a payment; approving it refunds through payment-service
 * (REFUNDING until the refund succeeds) and records what came back (points, coupons). Past {@code dueAt} (its SLA) it
 * escalates to the manager.
 */
public record WorkOrder(long id, Kind kind, Status status, long memberId, Long conversationId, Long storeId, String title, String detail,
                        String paymentNo, String orderNo, Long amountFen, String role, Long assigneeStaffId, Instant dueAt, int escalations,
                        String refundNo, String refundStatus, Long refundedFen, Long pointsReturned, List<Long> restoredCouponIds, String createdBy,
                        Instant createdAt, Instant updatedAt) {

    public enum Kind { INQUIRY, COMPLAINT, RETURN }

    public enum Status { OPEN, ASSIGNED, REFUNDING, RESOLVED, REJECTED, CLOSED }

    public boolean finished() {
        return status == Status.RESOLVED || status == Status.REJECTED || status == Status.CLOSED;
    }

    public record Event(String action, Status from, Status to, String actor, String note, Instant at) {
    }

    /** Where a kind goes: the role whose queue takes it (GUIDE and CASHIER: of its store) and how long it may wait. */
    public record Route(Kind kind, String role, int slaHours) {
    }
}
