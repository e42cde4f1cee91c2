package com.siyu.payment.checkout.domain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Splits an amount of fen over weights in proportion, to the fen, so that the parts add up to the
 * amount exactly (largest remainder method) and no part exceeds its weight when the amount does not
 * exceed the sum of the weights.
 */
public final class Split {

    private Split() {
    }

    public static long[] proportional(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        long sum = Arrays.stream(weights).sum();
        long[] parts = new long[weights.length];
        if (amount == 0 || weights.length == 0) {
            return parts;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("cannot split " + amount + " over zero weights");
        }
        BigInteger total = BigInteger.valueOf(sum);
        long[] remainders = new long[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact();
            given += parts[i];
        }
        long left = amount - given;
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed().thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (int k = 0; left > 0; k = (k + 1) % order.length) {
            parts[order[k]]++;
            left--;
        }
        return parts;
    }
}
