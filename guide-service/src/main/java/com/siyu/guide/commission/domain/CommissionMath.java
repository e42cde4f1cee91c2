package com.siyu.guide.commission.domain;

/** Commission arithmetic in integer fen (pure). */
public final class CommissionMath {

    private CommissionMath() {
    }

    /**
     * An order's commission under a rule: PERCENT in basis points of what was paid (rounded down), or FIXED (never
     * more than was paid); at most the cap.
     */
    public static long earn(CommissionRule rule, long paidFen) {
        long amount = rule.kind() == CommissionRule.Kind.PERCENT ? Math.multiplyExact(paidFen, rule.value()) / 10_000
                : Math.min(rule.value(), paidFen);
        if (rule.capFen() != null) {
            amount = Math.min(amount, rule.capFen());
        }
        return Math.max(0, amount);
    }

    /**
     * How much of {@code earned} a refund of {@code refundGross} takes back after {@code refundedBefore} of the
     * order's {@code grossFen} was refunded already: cumulative and rounded down, so refunds in any split add up
     * to exactly {@code earned} once the whole order is refunded.
     */
    public static long reversal(long earned, long grossFen, long refundedBefore, long refundGross) {
        if (grossFen <= 0) {
            return 0;
        }
        long after = Math.min(grossFen, refundedBefore + refundGross);
        long before = Math.min(grossFen, refundedBefore);
        return Math.multiplyExact(earned, after) / grossFen - Math.multiplyExact(earned, before) / grossFen;
    }
}
