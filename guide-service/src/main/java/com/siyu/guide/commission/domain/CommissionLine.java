package com.siyu.guide.commission.domain;

import java.time.Instant;

/** One line of a guide's commission ledger: EARN (positive) or REVERSAL (negative), PENDING → SETTLED → PAID. */
public record CommissionLine(long id, long guideId, long memberId, String orderNo, String kind, long baseFen, long amountFen, String status,
                             Instant settleAfter, Long payoutId, Instant createdAt) {
}
