package com.siyu.coupon.checkout.domain;

import java.util.List;

/** The member's coupons that apply to a cart (each on its own, best first) and the best combination. */
public record Quote(List<AppliedCoupon> applicable, Combination best) {
}
