package com.siyu.points.receipt.api;

import com.siyu.points.receipt.domain.ReceiptClaim;
import java.time.Instant;
import java.time.LocalDate;

record ReceiptClaimResponse(long id, long memberId, Long storeId, long merchantId, String receiptNo, long amountFen, LocalDate purchasedOn,
                            String photoRef, String status, Long approvedFen, Long points, String reason, Long reviewedBy,
                            Instant reviewedAt, Instant createdAt) {

    static ReceiptClaimResponse of(ReceiptClaim c) {
        return new ReceiptClaimResponse(c.id(), c.memberId(), c.storeId(), c.merchantId(), c.receiptNo(), c.amountFen(), c.purchasedOn(),
                c.photoRef(), c.status().name(), c.approvedFen(), c.points(), c.reason(), c.reviewedBy(), c.reviewedAt(), c.createdAt());
    }
}
