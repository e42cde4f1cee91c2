package com.siyu.payment.checkout.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The mall's checkout promotions.
 *
 * <p>{@link Combo} (连单): when a payment combines at least {@code minOrders} shop orders, each shop
 * order of at least {@code thresholdFen} gets {@code percent} % off, at most {@code perOrderCapFen}
 * per order and {@code perPaymentCapFen} for the whole payment (when the payment cap bites, it is
 * shared in proportion to the uncapped discounts). Funded {@code merchantSharePercent} % by the merchant.
 *
 * <p>{@link Tier} (满减): the highest tier whose threshold the payment's gross total reaches takes
 * {@code offFen} off, spread over the orders in proportion to what is left of them after 连单.
 */
public record PromotionPolicy(Combo combo, List<Tier> tiers, int tierMerchantSharePercent) {

    public PromotionPolicy {
        tiers = tiers == null ? List.of() : tiers.stream().sorted(Comparator.comparingLong(Tier::thresholdFen)).toList();
        if (tierMerchantSharePercent < 0 || tierMerchantSharePercent > 100) {
            throw new IllegalArgumentException("tierMerchantSharePercent must be 0-100");
        }
    }

    public static final PromotionPolicy NONE = new PromotionPolicy(null, List.of(), 0);

    public record Combo(int minOrders, long thresholdFen, int percent, long perOrderCapFen, long perPaymentCapFen,
                        int merchantSharePercent) {
        public Combo {
            if (minOrders < 2 || thresholdFen <= 0 || percent <= 0 || percent >= 100 || perOrderCapFen <= 0 || perPaymentCapFen <= 0
                    || merchantSharePercent < 0 || merchantSharePercent > 100) {
                throw new IllegalArgumentException("invalid combined-order promotion");
            }
        }
    }

    public record Tier(long thresholdFen, long offFen) {
        public Tier {
            if (thresholdFen <= 0 || offFen <= 0 || offFen >= thresholdFen) {
                throw new IllegalArgumentException("a tier takes less off than its threshold");
            }
        }
    }

    /** The promotion lines for these orders (pure; the same orders always give the same lines). */
    public List<DiscountLine> apply(List<OrderDraft> orders) {
        List<DiscountLine> lines = new ArrayList<>();
        long[] left = orders.stream().mapToLong(OrderDraft::grossFen).toArray();
        if (combo != null && orders.size() >= combo.minOrders()) {
            long[] raw = new long[orders.size()];
            for (int i = 0; i < raw.length; i++) {
                long gross = orders.get(i).grossFen();
                raw[i] = gross >= combo.thresholdFen() ? Math.min(gross * combo.percent() / 100, combo.perOrderCapFen()) : 0;
            }
            long total = java.util.Arrays.stream(raw).sum();
            long[] granted = total > combo.perPaymentCapFen() ? Split.proportional(combo.perPaymentCapFen(), raw) : raw;
            for (int i = 0; i < granted.length; i++) {
                if (granted[i] > 0) {
                    lines.add(DiscountLine.shared(i, DiscountKind.COMBO, "combo-" + combo.percent() + "pct", granted[i],
                            combo.merchantSharePercent()));
                    left[i] -= granted[i];
                }
            }
        }
        long gross = orders.stream().mapToLong(OrderDraft::grossFen).sum();
        Tier reached = null;
        for (Tier tier : tiers) {
            if (gross >= tier.thresholdFen()) {
                reached = tier;
            }
        }
        if (reached != null) {
            long[] parts = Split.proportional(Math.min(reached.offFen(), java.util.Arrays.stream(left).sum()), left);
            for (int i = 0; i < parts.length; i++) {
                if (parts[i] > 0) {
                    lines.add(DiscountLine.shared(i, DiscountKind.TIER, "tier-" + reached.thresholdFen() + "-" + reached.offFen(),
                            parts[i], tierMerchantSharePercent));
                }
            }
        }
        return lines;
    }
}
