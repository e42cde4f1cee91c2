package com.siyu.coupon.checkout.domain;

import java.util.List;

/** A checkout: per-merchant amounts and categories, and whether points are deducted too. */
public record Cart(List<CartLine> lines, boolean usePoints) {

    public Cart {
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("A cart needs at least one line");
        }
    }

    public long totalFen() {
        return lines.stream().mapToLong(CartLine::amountFen).sum();
    }
}
