package com.siyu.points.earning.domain;

import java.math.BigInteger;

/**
 * How many earned points a refund takes back: in proportion to the money refunded, computed on the
 * cumulative refund so partial refunds never drift (a full refund, in any number of parts, takes
 * back exactly what was earned). Rounded down, in the member's favour, until the last part.
 */
public final class ProportionalReversal {

    private ProportionalReversal() {
    }

    public static long points(long earnedPoints, long amountFen, long refundedBeforeFen, long refundNowFen, long reversedBefore) {
        if (amountFen <= 0 || refundNowFen <= 0 || refundedBeforeFen + refundNowFen > amountFen) {
            throw new IllegalArgumentException("refund must be positive and within the amount paid");
        }
        long cumulative = BigInteger.valueOf(earnedPoints).multiply(BigInteger.valueOf(refundedBeforeFen + refundNowFen))
                .divide(BigInteger.valueOf(amountFen)).longValueExact();
        return Math.max(0, cumulative - reversedBefore);
    }

    /**
     * Where the reversed points come from: first the lot the payment earned, then the member's other
     * points, and whatever the member no longer has is the shortfall (a debt or a refusal, by policy).
     */
    public static Plan plan(long toReverse, long earnedLotRemaining, long balance) {
        long fromLot = Math.min(toReverse, earnedLotRemaining);
        long fromOthers = Math.min(toReverse - fromLot, balance - fromLot);
        return new Plan(fromLot, fromOthers, toReverse - fromLot - fromOthers);
    }

    public record Plan(long fromEarnedLot, long fromOtherLots, long shortfall) {

        public long fromBalance() {
            return fromEarnedLot + fromOtherLots;
        }
    }
}
