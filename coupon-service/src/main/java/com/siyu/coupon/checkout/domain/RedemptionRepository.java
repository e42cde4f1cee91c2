package com.siyu.coupon.checkout.domain;

import java.time.Instant;
import java.util.List;

/** The lines of one payment; only this payment's rows are ever touched by its global transaction. */
public interface RedemptionRepository {

    List<Redemption> ofPayment(String paymentId);

    void insert(String paymentId, long memberId, List<AppliedCoupon> coupons, Instant at);

    /** Moves the payment's lines from {@code from} to {@code to}; the number moved. */
    int move(String paymentId, RedemptionStatus from, RedemptionStatus to, Instant at);

    boolean moveOne(long id, RedemptionStatus from, RedemptionStatus to, Instant at);
}
