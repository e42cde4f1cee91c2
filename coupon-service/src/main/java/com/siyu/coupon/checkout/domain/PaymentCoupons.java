package com.siyu.coupon.checkout.domain;

import java.util.List;

/**
 * The coupons of one payment after a lock, redeem, release or restore. {@code allocations} are the
 * per-line spread from the lock (empty when the state was read back).
 */
public record PaymentCoupons(String paymentId, List<Redemption> lines, List<AppliedCoupon> applied) {

    public long discountFen() {
        return lines.stream().mapToLong(Redemption::discountFen).sum();
    }
}
