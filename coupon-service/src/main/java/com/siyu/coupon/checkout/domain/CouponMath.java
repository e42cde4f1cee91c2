package com.siyu.coupon.checkout.domain;

import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.Scope;
import com.siyu.coupon.wallet.domain.CouponStatus;
import java.math.BigInteger;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coupons against a cart, with no infrastructure: whether each applies, what a combination gives under
 * the stacking rules, and the best combination.
 *
 * <p>In a combination, fixed-amount coupons (cash, threshold, group-buy) apply first, then percentage
 * discounts on what is left; thresholds and minimum spends are judged on the original in-scope amount;
 * no line ever goes below zero. Each coupon's discount is spread over its in-scope lines in proportion
 * to what is left of them (so the payment can split it per merchant), and its funding is split by the
 * template's merchant share (the merchant's part rounded down, the rest is the mall's).
 */
public final class CouponMath {

    /** Candidates examined for the best combination (distinct templates with the largest single discounts). */
    static final int MAX_CANDIDATES = 12;

    private static final Comparator<Offer> APPLICATION_ORDER = Comparator
            .comparingInt((Offer o) -> o.template().type().monetary() ? (o.template().type().fixedAmount() ? 0 : 1) : 2)
            .thenComparingLong(o -> o.coupon().id());

    private CouponMath() {
    }

    /** Why the coupon cannot be used on this cart at {@code at} (in the tenant's zone) on its own; null when it can. */
    public static String refusal(Offer offer, Cart cart, ZonedDateTime at) {
        CouponTemplate t = offer.template();
        if (offer.coupon().status() != CouponStatus.AVAILABLE) {
            return "it is " + offer.coupon().status();
        }
        if (!offer.coupon().validAt(at.toInstant())) {
            return "it is valid from " + offer.coupon().validFrom() + " to " + offer.coupon().validTo();
        }
        if (!t.rules().usableWindow().allows(at)) {
            return "it cannot be used at this time of day or week";
        }
        if (cart.usePoints() && !t.rules().stacking().withPoints()) {
            return "it cannot be combined with a points deduction";
        }
        if (covered(t.rules().scope(), cart).isEmpty()) {
            return "none of the cart's merchants or categories is in its scope";
        }
        if (combine(List.of(offer), cart) == null) {
            return "the cart does not reach its minimum spend";
        }
        return null;
    }

    /**
     * The combination of exactly these coupons, or a problem saying which coupon does not apply or which
     * two do not stack. Used when a payment locks the coupons the member chose.
     */
    public static Combination check(List<Offer> offers, Cart cart, ZonedDateTime at) {
        for (Offer offer : offers) {
            String why = refusal(offer, cart, at);
            if (why != null) {
                throw new CouponNotApplicable(offer.coupon().id(), why);
            }
        }
        for (int i = 0; i < offers.size(); i++) {
            for (int j = i + 1; j < offers.size(); j++) {
                if (!offers.get(i).template().stacksWith(offers.get(j).template())) {
                    throw new CouponsDoNotStack(offers.get(i).coupon().id(), offers.get(j).coupon().id());
                }
            }
        }
        Combination combination = combine(offers, cart);
        if (combination == null) {
            throw new CouponNotApplicable(offers.get(offers.size() - 1).coupon().id(),
                    "combined with the other coupons it takes nothing more off");
        }
        return combination;
    }

    /** The coupons that apply on their own (largest discount first) and the best allowed combination. */
    public static Quote quote(List<Offer> candidates, Cart cart, ZonedDateTime at) {
        Map<Long, Offer> perTemplate = new LinkedHashMap<>();
        candidates.stream()
                .filter(o -> refusal(o, cart, at) == null)
                .sorted(Comparator.comparing((Offer o) -> o.coupon().validTo()).thenComparingLong(o -> o.coupon().id()))
                .forEach(o -> perTemplate.putIfAbsent(o.template().id(), o));
        List<AppliedCoupon> applicable = new ArrayList<>();
        List<Offer> monetary = new ArrayList<>();
        for (Offer offer : perTemplate.values()) {
            applicable.add(combine(List.of(offer), cart).coupons().get(0));
            if (offer.template().type().monetary()) {
                monetary.add(offer);
            }
        }
        applicable.sort(Comparator.comparingLong(AppliedCoupon::discountFen).reversed().thenComparingLong(AppliedCoupon::couponId));
        monetary.sort(Comparator.comparingLong((Offer o) -> -combine(List.of(o), cart).discountFen())
                .thenComparingLong(o -> o.coupon().id()));
        List<Offer> pool = monetary.subList(0, Math.min(MAX_CANDIDATES, monetary.size()));
        Combination[] best = {Combination.NONE};
        search(pool, 0, new ArrayList<>(), cart, best);
        return new Quote(applicable, best[0]);
    }

    private static void search(List<Offer> pool, int from, List<Offer> chosen, Cart cart, Combination[] best) {
        for (int i = from; i < pool.size(); i++) {
            Offer next = pool.get(i);
            if (chosen.stream().anyMatch(c -> !c.template().stacksWith(next.template()))) {
                continue;
            }
            chosen.add(next);
            Combination combination = combine(chosen, cart);
            // a coupon that gives nothing in a set gives nothing in any larger set: prune
            if (combination != null) {
                if (better(combination, best[0])) {
                    best[0] = combination;
                }
                search(pool, i + 1, chosen, cart, best);
            }
            chosen.remove(chosen.size() - 1);
        }
    }

    /** More off; on a tie fewer coupons (keep the rest for later); then the lower coupon ids, for determinism. */
    static boolean better(Combination candidate, Combination incumbent) {
        if (candidate.discountFen() != incumbent.discountFen()) {
            return candidate.discountFen() > incumbent.discountFen();
        }
        if (candidate.coupons().size() != incumbent.coupons().size()) {
            return candidate.coupons().size() < incumbent.coupons().size();
        }
        List<Long> a = candidate.couponIds().stream().sorted().toList();
        List<Long> b = incumbent.couponIds().stream().sorted().toList();
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                return a.get(i) < b.get(i);
            }
        }
        return false;
    }

    /** What these coupons give together; null when they do not stack or one of them gives nothing. */
    static Combination combine(List<Offer> offers, Cart cart) {
        for (int i = 0; i < offers.size(); i++) {
            for (int j = i + 1; j < offers.size(); j++) {
                if (!offers.get(i).template().stacksWith(offers.get(j).template())) {
                    return null;
                }
            }
        }
        List<CartLine> lines = cart.lines();
        long[] remaining = lines.stream().mapToLong(CartLine::amountFen).toArray();
        List<AppliedCoupon> applied = new ArrayList<>();
        long total = 0;
        for (Offer offer : offers.stream().sorted(APPLICATION_ORDER).toList()) {
            CouponTemplate t = offer.template();
            List<Integer> in = covered(t.rules().scope(), cart);
            if (in.isEmpty()) {
                return null;
            }
            long base = 0;
            long left = 0;
            for (int i : in) {
                base += lines.get(i).amountFen();
                left += remaining[i];
            }
            long discount = 0;
            if (t.type().monetary()) {
                if (t.rules().minSpendFen() != null && base < t.rules().minSpendFen()) {
                    return null;
                }
                discount = switch (t.type()) {
                    case CASH, GROUP_BUY -> Math.min(t.valueFen(), left);
                    case THRESHOLD -> base >= t.thresholdFen() ? Math.min(t.valueFen(), left) : 0;
                    case DISCOUNT -> {
                        long off = left * t.discountPercent() / 100;
                        yield t.maxDiscountFen() == null ? off : Math.min(off, t.maxDiscountFen());
                    }
                    case EXCHANGE, BLIND_BOX -> 0;
                };
                if (discount <= 0) {
                    return null;
                }
            }
            List<AppliedCoupon.Allocation> allocations = allocate(discount, in, remaining, lines);
            long merchant = discount * t.rules().merchantSharePercent() / 100;
            applied.add(new AppliedCoupon(offer.coupon().id(), t.id(), t.name(), t.type(), discount, merchant, discount - merchant,
                    allocations));
            total += discount;
        }
        return new Combination(applied, total);
    }

    /** Spreads {@code discount} over the lines in proportion to what is left of them, to the fen, and takes it off. */
    private static List<AppliedCoupon.Allocation> allocate(long discount, List<Integer> in, long[] remaining, List<CartLine> lines) {
        long left = 0;
        for (int i : in) {
            left += remaining[i];
        }
        long[] share = new long[in.size()];
        long given = 0;
        for (int k = 0; k < in.size(); k++) {
            share[k] = left == 0 ? 0 : BigInteger.valueOf(discount).multiply(BigInteger.valueOf(remaining[in.get(k)]))
                    .divide(BigInteger.valueOf(left)).longValueExact();
            given += share[k];
        }
        for (int k = 0; given < discount; k = (k + 1) % in.size()) {
            if (share[k] < remaining[in.get(k)]) {
                share[k]++;
                given++;
            }
        }
        List<AppliedCoupon.Allocation> allocations = new ArrayList<>();
        for (int k = 0; k < in.size(); k++) {
            int line = in.get(k);
            remaining[line] -= share[k];
            if (share[k] > 0) {
                allocations.add(new AppliedCoupon.Allocation(line, lines.get(line).merchantId(), share[k]));
            }
        }
        return allocations;
    }

    private static List<Integer> covered(Scope scope, Cart cart) {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < cart.lines().size(); i++) {
            CartLine line = cart.lines().get(i);
            if (scope.covers(line.storeId(), line.merchantId(), line.category())) {
                in.add(i);
            }
        }
        return in;
    }
}
