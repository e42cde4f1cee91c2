package com.siyu.points.receipt.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shopper's claim for points on a counter's receipt. {@code approvedFen} is the amount customer
 * service confirmed from the photo (it may correct the shopper's figure downwards), {@code points}
 * what the approval earned.
 */
public record ReceiptClaim(long id, long memberId, Long storeId, long merchantId, String receiptNo, long amountFen, LocalDate purchasedOn,
                           String photoRef, Status status, Long approvedFen, Long points, String reason, Long reviewedBy,
                           Instant reviewedAt, Instant createdAt) {

    public enum Status { PENDING, APPROVED, REJECTED }
}
