package com.siyu.payment.pointspay.domain;

/** The payment just made and the member's points balance right after it. */
public record Receipt(PointsPayment payment, long pointsBalanceAfter) {
}
