package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.coupon.checkout.domain.AppliedCoupon;
import com.siyu.coupon.checkout.domain.Cart;
import com.siyu.coupon.checkout.domain.CartLine;
import com.siyu.coupon.checkout.domain.Combination;
import com.siyu.coupon.checkout.domain.CouponMath;
import com.siyu.coupon.checkout.domain.CouponNotApplicable;
import com.siyu.coupon.checkout.domain.CouponsDoNotStack;
import com.siyu.coupon.checkout.domain.Offer;
import com.siyu.coupon.checkout.domain.Quote;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.RefundPolicy;
import com.siyu.coupon.template.domain.Scope;
import com.siyu.coupon.template.domain.Stacking;
import com.siyu.coupon.template.domain.TemplateRules;
import com.siyu.coupon.template.domain.TemplateStatus;
import com.siyu.coupon.template.domain.UsableWindow;
import com.siyu.coupon.wallet.domain.Coupon;
import com.siyu.coupon.wallet.domain.CouponStatus;
import com.siyu.coupon.wallet.domain.IssueSource;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The quote: applicability, stacking rules, best combination, funding split and per-merchant spread. */
class CouponMathTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-31T00:00:00Z");
    static final ZonedDateTime NOW = Instant.parse("2026-06-01T04:00:00Z").atZone(ZoneId.of("Asia/Shanghai")); // 12:00, a Monday
    static final Set<CouponType> STACKS_ALL = Set.of(CouponType.values());

    long nextId = 1;

    @Test
    void theBestCombinationRespectsStackingAndBeatsEverySingleCoupon() {
        Cart cart = cart(line(1, 30_000));
        // exclusive ¥80 off from ¥300 vs. a stackable ¥50 threshold + stackable 10 % (capped at ¥40)
        Offer exclusive = offer(rules(Set.of(), 0), CouponType.THRESHOLD, 8_000L, 30_000L, null, null);
        Offer threshold = offer(rules(STACKS_ALL, 0), CouponType.THRESHOLD, 5_000L, 20_000L, null, null);
        Offer percent = offer(rules(STACKS_ALL, 0), CouponType.DISCOUNT, null, null, 10, 4_000L);

        Quote quote = CouponMath.quote(List.of(exclusive, threshold, percent), cart, NOW);

        // 5000 first (fixed amounts first), then 10 % of the remaining 25000 = 2500: 7500 < 8000
        assertThat(quote.best().couponIds()).containsExactly(exclusive.coupon().id());
        assertThat(quote.best().discountFen()).isEqualTo(8_000);
        assertThat(quote.applicable()).extracting(AppliedCoupon::discountFen).containsExactly(8_000L, 5_000L, 3_000L);

        Offer bigPercent = offer(rules(STACKS_ALL, 0), CouponType.DISCOUNT, null, null, 20, 10_000L);
        Quote better = CouponMath.quote(List.of(exclusive, threshold, bigPercent), cart, NOW);
        // 5000 + 20 % of 25000 = 10000 beats 8000 and beats 20 % alone (6000)
        assertThat(better.best().couponIds()).containsExactlyInAnyOrder(threshold.coupon().id(), bigPercent.coupon().id());
        assertThat(better.best().discountFen()).isEqualTo(10_000);
    }

    @Test
    void couponsMustAllowEachOtherAndTwoOfOneTemplateNeverStack() {
        Cart cart = cart(line(1, 50_000));
        Offer onlyWithCash = offer(rules(Set.of(CouponType.CASH), 0), CouponType.THRESHOLD, 5_000L, 20_000L, null, null);
        Offer cashStacksNothing = offer(rules(Set.of(), 0), CouponType.CASH, 1_000L, null, null, null);
        assertThatThrownBy(() -> CouponMath.check(List.of(onlyWithCash, cashStacksNothing), cart, NOW))
                .isInstanceOf(CouponsDoNotStack.class);

        Offer cashA = offer(rules(STACKS_ALL, 0), CouponType.CASH, 1_000L, null, null, null);
        Offer sameTemplate = new Offer(coupon(cashA.template().id(), TO), cashA.template());
        assertThatThrownBy(() -> CouponMath.check(List.of(cashA, sameTemplate), cart, NOW)).isInstanceOf(CouponsDoNotStack.class);
        Quote quote = CouponMath.quote(List.of(cashA, sameTemplate), cart, NOW);
        assertThat(quote.best().coupons()).hasSize(1);
    }

    @Test
    void scopeMinimumSpendPointsAndTimeWindowDecideApplicability() {
        TemplateRules onlyMerchant7 = new TemplateRules(null, null, 10_000L, null, null, UsableWindow.ALWAYS,
                new Scope(Set.of(), Set.of(7L), Set.of(), Set.of(), Set.of("tobacco")), new Stacking(false, Set.of()), 0,
                RefundPolicy.RESTORE, null, null, List.of());
        Offer offer = offer(onlyMerchant7, CouponType.CASH, 2_000L, null, null, null);

        assertThat(CouponMath.refusal(offer, cart(line(8, 50_000)), NOW)).contains("scope");
        assertThat(CouponMath.refusal(offer, new Cart(List.of(new CartLine(1L, 7L, "tobacco", 50_000)), false), NOW)).contains("scope");
        assertThat(CouponMath.refusal(offer, cart(line(7, 9_999)), NOW)).contains("minimum spend");
        assertThat(CouponMath.refusal(offer, new Cart(List.of(new CartLine(1L, 7L, "food", 20_000)), true), NOW)).contains("points");
        assertThat(CouponMath.refusal(offer, cart(line(7, 10_000)), NOW)).isNull();
        // spend at another merchant does not count towards the minimum
        assertThat(CouponMath.refusal(offer, cart(line(7, 6_000), line(8, 60_000)), NOW)).contains("minimum spend");

        TemplateRules lunchOnWeekdays = new TemplateRules(null, null, null, null, null,
                new UsableWindow(11 * 60, 14 * 60, Set.of(java.time.DayOfWeek.MONDAY)), Scope.TENANT, Stacking.EXCLUSIVE_BUT_POINTS, 0,
                RefundPolicy.RESTORE, null, null, List.of());
        Offer lunch = offer(lunchOnWeekdays, CouponType.CASH, 500L, null, null, null);
        assertThat(CouponMath.refusal(lunch, cart(line(1, 1_000)), NOW)).isNull();
        assertThat(CouponMath.refusal(lunch, cart(line(1, 1_000)), NOW.plusSeconds(3 * 3600))).contains("time");
        assertThat(CouponMath.refusal(lunch, cart(line(1, 1_000)), NOW.plusSeconds(24 * 3600))).contains("time");
        assertThatThrownBy(() -> CouponMath.check(List.of(lunch), cart(line(1, 1_000)), NOW.plusSeconds(3 * 3600)))
                .isInstanceOf(CouponNotApplicable.class);
        // the window is the tenant's own local time: the same instant is 05:00 in London, outside the lunch window,
        // and 13:00 in Tokyo, inside it
        assertThat(CouponMath.refusal(lunch, cart(line(1, 1_000)), NOW.withZoneSameInstant(ZoneId.of("Europe/London")))).contains("time");
        assertThat(CouponMath.refusal(lunch, cart(line(1, 1_000)), NOW.withZoneSameInstant(ZoneId.of("Asia/Tokyo")))).isNull();
    }

    @Test
    void theDiscountIsSpreadOverMerchantsToTheFenAndSplitByFunding() {
        Cart cart = cart(line(1, 10_000), line(2, 20_000), line(3, 3));
        Offer cash = offer(rules(Set.of(), 30), CouponType.CASH, 10_001L, null, null, null);
        Combination c = CouponMath.check(List.of(cash), cart, NOW);
        AppliedCoupon applied = c.coupons().get(0);
        assertThat(applied.discountFen()).isEqualTo(10_001);
        assertThat(applied.allocations().stream().mapToLong(AppliedCoupon.Allocation::fen).sum()).isEqualTo(10_001);
        assertThat(applied.allocations()).extracting(AppliedCoupon.Allocation::merchantId).containsExactly(1L, 2L, 3L);
        assertThat(applied.allocations().get(1).fen()).isBetween(6_666L, 6_668L);
        assertThat(applied.merchantFen()).isEqualTo(3_000); // 30 % of 10001 rounded down
        assertThat(applied.platformFen()).isEqualTo(7_001);

        Offer huge = offer(rules(Set.of(), 0), CouponType.CASH, 1_000_000L, null, null, null);
        assertThat(CouponMath.check(List.of(huge), cart, NOW).discountFen()).isEqualTo(30_003); // never below zero
    }

    @Test
    void noApplicableCouponMeansAnEmptyBestCombination() {
        Offer threshold = offer(rules(STACKS_ALL, 0), CouponType.THRESHOLD, 5_000L, 20_000L, null, null);
        Quote quote = CouponMath.quote(List.of(threshold), cart(line(1, 19_999)), NOW);
        assertThat(quote.applicable()).isEmpty();
        assertThat(quote.best()).isEqualTo(Combination.NONE);
    }

    private static Cart cart(CartLine... lines) {
        return new Cart(List.of(lines), false);
    }

    private static CartLine line(long merchantId, long amountFen) {
        return new CartLine(1L, merchantId, "fashion", amountFen);
    }

    private static TemplateRules rules(Set<CouponType> stacksWith, int merchantShare) {
        return new TemplateRules(null, null, null, null, null, UsableWindow.ALWAYS, Scope.TENANT, new Stacking(true, stacksWith),
                merchantShare, RefundPolicy.RESTORE, null, null, List.of());
    }

    private Offer offer(TemplateRules rules, CouponType type, Long valueFen, Long thresholdFen, Integer percent, Long cap) {
        long templateId = nextId++;
        CouponTemplate template = new CouponTemplate(templateId, "t" + templateId, type, valueFen, thresholdFen, percent, cap, 100, 0, 1,
                FROM, TO, TemplateStatus.ACTIVE, rules);
        return new Offer(coupon(templateId, TO), template);
    }

    private Coupon coupon(long templateId, Instant validTo) {
        long id = 1000 + nextId++;
        return new Coupon(id, templateId, 5, 1, "k" + id, IssueSource.CLAIM, CouponStatus.AVAILABLE, FROM, validTo, null, null, null,
                null, null, FROM);
    }
}
