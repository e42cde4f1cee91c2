package com.siyu.coupon.issuing.domain;

import com.siyu.coupon.template.domain.BlindBoxPrize;
import java.util.List;
import java.util.random.RandomGenerator;

/** The draw of a blind box: one prize among those still in stock, with probability proportional to its weight. */
public final class BlindBox {

    private BlindBox() {
    }

    public static BlindBoxPrize draw(List<BlindBoxPrize> inStock, RandomGenerator random) {
        long total = 0;
        for (BlindBoxPrize prize : inStock) {
            if (prize.remaining() > 0) {
                total += prize.weight();
            }
        }
        if (total == 0) {
            throw new IllegalArgumentException("No prize in stock");
        }
        long ticket = random.nextLong(total);
        for (BlindBoxPrize prize : inStock) {
            if (prize.remaining() <= 0) {
                continue;
            }
            ticket -= prize.weight();
            if (ticket < 0) {
                return prize;
            }
        }
        throw new IllegalStateException("unreachable: ticket beyond the total weight");
    }
}
