package com.siyu.coupon.checkout.domain;

import java.util.List;

/** Coupons used together on one cart and the discount they give. */
public record Combination(List<AppliedCoupon> coupons, long discountFen) {

    public static final Combination NONE = new Combination(List.of(), 0);

    public Combination {
        coupons = List.copyOf(coupons);
    }

    public List<Long> couponIds() {
        return coupons.stream().map(AppliedCoupon::couponId).toList();
    }
}
