package com.siyu.coupon.wallet.domain;

import java.time.Instant;

public record NewCoupon(long templateId, long memberId, int seq, String issueKey, IssueSource source,
                        Instant validFrom, Instant validTo, Long prizeId, String itemName) {
}
