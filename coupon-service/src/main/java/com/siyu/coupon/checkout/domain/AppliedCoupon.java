package com.siyu.coupon.checkout.domain;

import com.siyu.coupon.template.domain.CouponType;
import java.util.List;

/**
 * One coupon's part in a combination: its discount, who funds it (merchant share / the mall's share)
 * and how it is spread over the cart lines (per merchant, for the payment's split).
 */
public record AppliedCoupon(long couponId, long templateId, String name, CouponType type, long discountFen, long merchantFen,
                            long platformFen, List<Allocation> allocations) {

    public record Allocation(int line, Long merchantId, long fen) {
    }
}
