package com.siyu.coupon.template.domain;

/** One prize of a blind box: drawn with probability weight / (sum of the weights of prizes still in stock). */
public record BlindBoxPrize(Long id, String name, int weight, int stock, int drawn) {

    public BlindBoxPrize {
        if (name == null || name.isBlank()) {
            throw new InvalidTemplate("A blind-box prize needs a name");
        }
        if (weight <= 0) {
            throw new InvalidTemplate("A blind-box prize needs a positive weight");
        }
        if (stock <= 0 || drawn < 0 || drawn > stock) {
            throw new InvalidTemplate("A blind-box prize needs a positive stock");
        }
    }

    public int remaining() {
        return stock - drawn;
    }
}
