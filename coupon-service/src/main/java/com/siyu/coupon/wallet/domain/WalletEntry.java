package com.siyu.coupon.wallet.domain;

import com.siyu.coupon.template.domain.CouponTemplate;

/**
 * A coupon in the member's wallet with its template; for an available coupon and a given cart, whether
 * it applies, the discount it alone would give, or why it does not apply.
 */
public record WalletEntry(Coupon coupon, CouponTemplate template, Boolean applicable, long discountFen, String reason) {
}
