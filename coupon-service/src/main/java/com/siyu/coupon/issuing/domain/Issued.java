package com.siyu.coupon.issuing.domain;

import com.siyu.coupon.wallet.domain.Coupon;

/** The coupon an issue produced; {@code replayed} when the business key had already issued it. */
public record Issued(Coupon coupon, boolean replayed) {
}
