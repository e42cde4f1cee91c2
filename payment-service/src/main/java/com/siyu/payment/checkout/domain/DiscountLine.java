package com.siyu.payment.checkout.domain;

/**
 * One discount on one merchant order and who funds it: {@code platformFen} by the mall (a subsidy
 * the mall owes the merchant), {@code merchantFen} by the merchant. Lines are appended, never summed
 * into a shared total.
 */
public record DiscountLine(int order, DiscountKind kind, String source, long amountFen, long platformFen, long merchantFen) {

    public DiscountLine {
        if (amountFen < 0 || platformFen < 0 || merchantFen < 0 || platformFen + merchantFen != amountFen) {
            throw new IllegalArgumentException("a discount line must be split exactly into platform and merchant parts");
        }
    }

    /** {@code amountFen} funded {@code merchantSharePercent} % by the merchant (rounded down), the rest by the platform. */
    public static DiscountLine shared(int order, DiscountKind kind, String source, long amountFen, int merchantSharePercent) {
        long merchant = amountFen * merchantSharePercent / 100;
        return new DiscountLine(order, kind, source, amountFen, amountFen - merchant, merchant);
    }
}
