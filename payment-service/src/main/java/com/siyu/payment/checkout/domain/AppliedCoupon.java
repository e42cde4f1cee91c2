package com.siyu.payment.checkout.domain;

import java.util.List;

/** A coupon's discount as coupon-service computed it, spread over the cart's lines (index = order). */
public record AppliedCoupon(long couponId, long discountFen, long merchantFen, long platformFen, List<Part> parts) {

    public record Part(int order, long fen) {
    }
}
