package com.siyu.guide.targets.domain;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Integer splits that always add up: a goal over children or days, by weights (largest remainder, earlier first on ties). */
public final class Split {

    private Split() {
    }

    /** {@code total} split by {@code weights} (each ≥ 0, at least one > 0): the parts sum to {@code total} exactly. */
    public static long[] byWeights(long total, long[] weights) {
        long sum = Arrays.stream(weights).sum();
        if (weights.length == 0 || sum <= 0 || Arrays.stream(weights).anyMatch(w -> w < 0)) {
            throw new IllegalArgumentException("weights must be non-negative with a positive sum");
        }
        long[] parts = new long[weights.length];
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            // exact in 128 bits: goals and weights are small, but total * weight must not overflow silently
            java.math.BigInteger[] qr = java.math.BigInteger.valueOf(total).multiply(java.math.BigInteger.valueOf(weights[i]))
                    .divideAndRemainder(java.math.BigInteger.valueOf(sum));
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += parts[i];
        }
        long left = total - given;
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> -remainders[i]).thenComparingInt(i -> i)).toArray(Integer[]::new);
        for (int k = 0; k < left; k++) {
            parts[order[k]]++;
        }
        return parts;
    }

    public static long[] evenly(long total, int parts) {
        long[] ones = new long[parts];
        Arrays.fill(ones, 1);
        return byWeights(total, ones);
    }
}
