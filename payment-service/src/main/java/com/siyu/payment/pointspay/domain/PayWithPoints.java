package com.siyu.payment.pointspay.domain;

/** A cashier's request to settle a counter order with points. */
public record PayWithPoints(long memberId, Long storeId, String merchantOrderNo, long points, Long cashierStaffId) {
}
