package com.siyu.coupon.checkout.domain;

import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.wallet.domain.Coupon;

/** A member's coupon with its template: a candidate for a cart. */
public record Offer(Coupon coupon, CouponTemplate template) {
}
