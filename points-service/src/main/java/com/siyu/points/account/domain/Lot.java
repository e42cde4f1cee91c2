package com.siyu.points.account.domain;

import java.time.LocalDate;

/**
 * Points credited by one journal line: who issued them (store, merchant), how many are left, and the
 * last local day they can be used ({@code null} = they never expire). For earned lots,
 * {@code earnedPoints} is what the payment earned (part of it may have paid off a debt, so
 * {@code points} can be less), {@code amountFen} what was paid, and {@code refundedFen} /
 * {@code reversedPoints} track refunds.
 */
public record Lot(long id, long memberId, Long issuingStoreId, Long merchantId, long points, long remaining, LocalDate expiresOn,
                  String sourceBizId, long earnedPoints, long amountFen, long refundedFen, long reversedPoints) {
}
