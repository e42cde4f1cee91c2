package com.siyu.payment.checkout.domain;

import java.util.List;

/**
 * What the shopper would pay: the bill (orders and discount lines), the coupons that apply on their own,
 * the combination chosen, the member's points and how many of them this payment may use.
 */
public record Quote(Bill bill, List<CouponOption> applicable, List<Long> chosenCouponIds, long pointsBalance, long maxPoints,
                    long pointsUsed, long pointsFen) {

    public record CouponOption(long couponId, long templateId, String name, String type, long discountFen, long merchantFen,
                               long platformFen) {
    }
}
