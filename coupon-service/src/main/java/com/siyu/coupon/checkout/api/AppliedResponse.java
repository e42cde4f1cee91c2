package com.siyu.coupon.checkout.api;

import com.siyu.coupon.checkout.domain.AppliedCoupon;
import com.siyu.coupon.checkout.domain.Combination;
import java.util.List;

public record AppliedResponse(long couponId, long templateId, String name, String type, long discountFen, long merchantFen,
                              long platformFen, List<Allocation> allocations) {

    public record Allocation(int line, Long merchantId, long discountFen) {
    }

    public record CombinationResponse(List<Long> couponIds, long discountFen, List<AppliedResponse> coupons) {

        static CombinationResponse of(Combination c) {
            return new CombinationResponse(c.couponIds(), c.discountFen(), c.coupons().stream().map(AppliedResponse::of).toList());
        }
    }

    static AppliedResponse of(AppliedCoupon a) {
        return new AppliedResponse(a.couponId(), a.templateId(), a.name(), a.type().name(), a.discountFen(), a.merchantFen(),
                a.platformFen(), a.allocations().stream().map(x -> new Allocation(x.line(), x.merchantId(), x.fen())).toList());
    }
}
