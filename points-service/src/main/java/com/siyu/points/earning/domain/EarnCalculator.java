package com.siyu.points.earning.domain;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Computes the points a purchase earns from a tenant's rules. Pure: no clock, no database. */
public final class EarnCalculator {

    private static final BigInteger FEN_PER_YUAN_TIMES_MILLI = BigInteger.valueOf(100L * 1000);
    private static final BigInteger PCT_TIMES_PCT = BigInteger.valueOf(100L * 100);

    private EarnCalculator() {
    }

    /**
     * @param earnedToday points the member already earned today (local day), for the daily cap
     * @param dailyCap    null for no cap
     */
    public static EarnQuote quote(List<EarnRule> rules, Purchase purchase, long earnedToday, Long dailyCap) {
        if (purchase.amountFen() <= 0) {
            return new EarnQuote(0, 0, 0, 100, 100, 0, null);
        }
        Optional<EarnRule> exclusion = rules.stream()
                .filter(r -> r.kind() == EarnRule.Kind.EXCLUDE && r.matches(purchase)).findFirst();
        if (exclusion.isPresent()) {
            return new EarnQuote(0, 0, 0, 100, 100, 0, exclusion.get().name());
        }
        int rate = rules.stream()
                .filter(r -> r.kind() == EarnRule.Kind.RATE && r.matches(purchase))
                .max(Comparator.comparingInt(EarnRule::specificity).thenComparing(r -> r.id() == null ? 0 : r.id()))
                .map(EarnRule::rateMilli).orElse(0);
        int campaign = rules.stream()
                .filter(r -> r.kind() == EarnRule.Kind.CAMPAIGN && r.matches(purchase))
                .mapToInt(EarnRule::multiplierPct).max().orElse(100);
        int tier = rules.stream()
                .filter(r -> r.kind() == EarnRule.Kind.TIER && r.tier().equals(purchase.memberTier()) && r.activeAt(purchase.at()))
                .mapToInt(EarnRule::multiplierPct).max().orElse(100);
        BigInteger amount = BigInteger.valueOf(purchase.amountFen());
        long base = amount.multiply(BigInteger.valueOf(rate)).divide(FEN_PER_YUAN_TIMES_MILLI).longValueExact();
        long multiplied = amount.multiply(BigInteger.valueOf(rate)).multiply(BigInteger.valueOf(campaign)).multiply(BigInteger.valueOf(tier))
                .divide(FEN_PER_YUAN_TIMES_MILLI.multiply(PCT_TIMES_PCT)).longValueExact();
        long points = multiplied;
        long capped = 0;
        if (dailyCap != null) {
            long room = Math.max(0, dailyCap - earnedToday);
            if (points > room) {
                capped = points - room;
                points = room;
            }
        }
        return new EarnQuote(points, base, rate, campaign, tier, capped, null);
    }
}
