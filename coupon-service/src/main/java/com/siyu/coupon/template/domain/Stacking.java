package com.siyu.coupon.template.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Stacking rules of a template: whether it combines with a points deduction, and with coupons of which
 * types (both coupons must allow each other). Two coupons of the same template never combine.
 */
public record Stacking(boolean withPoints, Set<CouponType> withTypes) {

    public static final Stacking EXCLUSIVE_BUT_POINTS = new Stacking(true, Set.of());

    public Stacking {
        withTypes = withTypes == null || withTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(withTypes));
    }
}
