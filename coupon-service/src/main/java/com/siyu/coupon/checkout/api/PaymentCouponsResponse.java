package com.siyu.coupon.checkout.api;

import com.siyu.coupon.checkout.domain.PaymentCoupons;
import com.siyu.coupon.checkout.domain.Redemption;
import java.util.List;

/**
 * A payment's coupons: total discount, the funding split (merchant / mall) for payment-service to record,
 * and per coupon its state. {@code allocations} (per cart line) only in the answer to a first lock.
 */
public record PaymentCouponsResponse(String paymentId, long discountFen, long merchantFen, long platformFen, List<Line> coupons,
                                     List<AppliedResponse> allocations) {

    public record Line(long couponId, long templateId, long discountFen, long merchantFen, long platformFen, String status) {
    }

    static PaymentCouponsResponse of(PaymentCoupons p) {
        List<Line> lines = p.lines().stream().map(r -> new Line(r.couponId(), r.templateId(), r.discountFen(), r.merchantFen(),
                r.platformFen(), r.status().name())).toList();
        return new PaymentCouponsResponse(p.paymentId(), p.discountFen(), p.lines().stream().mapToLong(Redemption::merchantFen).sum(),
                p.lines().stream().mapToLong(Redemption::platformFen).sum(), lines,
                p.applied().stream().map(AppliedResponse::of).toList());
    }
}
