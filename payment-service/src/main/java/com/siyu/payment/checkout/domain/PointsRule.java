package com.siyu.payment.checkout.domain;

/**
 * Points deducted at payment: {@code redeemPointsPerYuan} points are worth ¥1 (100 fen; the tenant's
 * rate, default 100 = 1 point per fen), and points may pay at most {@code maxSharePercent} % of what
 * is left to pay after promotions and coupons, always leaving at least 1 fen for the channel.
 */
public record PointsRule(int redeemPointsPerYuan, int maxSharePercent) {

    public PointsRule {
        if (redeemPointsPerYuan <= 0 || maxSharePercent < 0 || maxSharePercent > 100) {
            throw new IllegalArgumentException("invalid points rule");
        }
    }

    /** Fen that {@code points} are worth (rounded down). */
    public long fenFor(long points) {
        return points * 100 / redeemPointsPerYuan;
    }

    /** Points needed for {@code fen} (rounded up). */
    public long pointsFor(long fen) {
        return -Math.floorDiv(-fen * redeemPointsPerYuan, 100L);
    }

    /** The most fen points may pay of {@code payableFen}, whatever the balance. */
    public long capFen(long payableFen) {
        return Math.max(0, Math.min(payableFen * maxSharePercent / 100, payableFen - 1));
    }

    /** The most fen points may pay of {@code payableFen} for a member holding {@code balance} points. */
    public long maxFen(long payableFen, long balance) {
        return Math.min(capFen(payableFen), fenFor(Math.max(0, balance)));
    }
}
