package com.siyu.payment.checkout.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A payment's orders and every discount line on them, built in a fixed order: promotions on the
 * gross amounts, coupons on what promotions left, points on what coupons left. Pure: no I/O.
 */
public final class Bill {

    private final List<OrderDraft> orders;
    private final List<DiscountLine> lines = new ArrayList<>();

    public Bill(List<OrderDraft> orders) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("a bill has at least one order");
        }
        this.orders = List.copyOf(orders);
    }

    public Bill promotions(PromotionPolicy policy) {
        policy.apply(orders).forEach(this::add);
        return this;
    }

    public Bill coupons(List<AppliedCoupon> coupons) {
        for (AppliedCoupon coupon : coupons) {
            long[] weights = coupon.parts().stream().mapToLong(AppliedCoupon.Part::fen).toArray();
            long allocated = java.util.Arrays.stream(weights).sum();
            if (allocated != coupon.discountFen() || coupon.merchantFen() + coupon.platformFen() != coupon.discountFen()) {
                throw new IllegalArgumentException("coupon " + coupon.couponId() + " is not allocated consistently");
            }
            long[] merchantParts = Split.proportional(coupon.merchantFen(), weights);
            for (int k = 0; k < weights.length; k++) {
                if (weights[k] > 0) {
                    add(new DiscountLine(coupon.parts().get(k).order(), DiscountKind.COUPON, "coupon-" + coupon.couponId(), weights[k],
                            weights[k] - merchantParts[k], merchantParts[k]));
                }
            }
        }
        return this;
    }

    /** Deducts {@code fen} paid with points, spread over the orders in proportion to what is left of them. */
    public Bill points(long fen, long points) {
        if (fen <= 0) {
            return this;
        }
        long[] left = new long[orders.size()];
        for (int i = 0; i < left.length; i++) {
            left[i] = payable(i);
        }
        long[] parts = Split.proportional(fen, left);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] > 0) {
                add(new DiscountLine(i, DiscountKind.POINTS, points + "-points", parts[i], parts[i], 0));
            }
        }
        return this;
    }

    private void add(DiscountLine line) {
        if (line.order() < 0 || line.order() >= orders.size()) {
            throw new IllegalArgumentException("discount line for unknown order " + line.order());
        }
        if (line.amountFen() > payable(line.order())) {
            throw new IllegalArgumentException("discounts exceed order " + line.order());
        }
        lines.add(line);
    }

    public List<OrderDraft> orders() {
        return orders;
    }

    public List<DiscountLine> lines() {
        return List.copyOf(lines);
    }

    public long gross() {
        return orders.stream().mapToLong(OrderDraft::grossFen).sum();
    }

    public long discount(int order, DiscountKind kind) {
        return lines.stream().filter(l -> l.order() == order && l.kind() == kind).mapToLong(DiscountLine::amountFen).sum();
    }

    public long payable(int order) {
        return orders.get(order).grossFen() - lines.stream().filter(l -> l.order() == order).mapToLong(DiscountLine::amountFen).sum();
    }

    public long payable() {
        return gross() - lines.stream().mapToLong(DiscountLine::amountFen).sum();
    }

    public long total(DiscountKind kind) {
        return lines.stream().filter(l -> l.kind() == kind).mapToLong(DiscountLine::amountFen).sum();
    }

    public long platformFunded() {
        return lines.stream().mapToLong(DiscountLine::platformFen).sum();
    }

    public long merchantFunded() {
        return lines.stream().mapToLong(DiscountLine::merchantFen).sum();
    }
}
