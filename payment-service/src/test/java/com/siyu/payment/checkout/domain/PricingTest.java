package com.siyu.payment.checkout.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PricingTest {

    // 连单: two or more shops, each order of ¥1000+ gets 10 % off, ≤ ¥150 per order, ≤ ¥250 per payment, merchant funds half
    static final PromotionPolicy.Combo COMBO = new PromotionPolicy.Combo(2, 100_000, 10, 15_000, 25_000, 50);
    // 满减: ¥300 → ¥30 off, ¥2000 → ¥100 off, mall-funded
    static final List<PromotionPolicy.Tier> TIERS = List.of(new PromotionPolicy.Tier(200_000, 10_000), new PromotionPolicy.Tier(30_000, 3_000));
    static final PromotionPolicy POLICY = new PromotionPolicy(COMBO, TIERS, 0);

    static OrderDraft order(long merchant, long fen) {
        return new OrderDraft(merchant, 1, "FASHION", fen);
    }

    @Test
    void splitAddsUpExactlyAndNeverExceedsAWeight() {
        assertThat(Split.proportional(100, new long[]{1, 1, 1})).containsExactly(34, 33, 33);
        assertThat(Split.proportional(10, new long[]{3, 7})).containsExactly(3, 7);
        assertThat(Split.proportional(5, new long[]{1_000_000_000_000L, 1})).containsExactly(5, 0);
        long[] parts = Split.proportional(999_999, new long[]{333_333, 333_334, 1, 999_999_999_999L});
        assertThat(java.util.Arrays.stream(parts).sum()).isEqualTo(999_999);
        assertThat(Split.proportional(0, new long[]{})).isEmpty();
        assertThatThrownBy(() -> Split.proportional(1, new long[]{0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void comboGivesEachQualifyingShopOrderItsPercentUnderThePerOrderCap() {
        // ¥1200 → ¥120; ¥1800 → ¥180 capped to ¥150; ¥500 below the threshold → nothing. Total ¥270 > payment cap ¥250
        Bill bill = new Bill(List.of(order(1, 120_000), order(2, 180_000), order(3, 50_000)))
                .promotions(new PromotionPolicy(COMBO, List.of(), 0));
        // the ¥250 payment cap shared 120:150
        assertThat(bill.discount(0, DiscountKind.COMBO)).isEqualTo(11_111);
        assertThat(bill.discount(1, DiscountKind.COMBO)).isEqualTo(13_889);
        assertThat(bill.discount(2, DiscountKind.COMBO)).isZero();
        assertThat(bill.total(DiscountKind.COMBO)).isEqualTo(25_000);
        // merchant funds half of each line, the mall the rest
        assertThat(bill.lines()).allSatisfy(l -> assertThat(l.merchantFen()).isEqualTo(l.amountFen() / 2));
        assertThat(bill.platformFunded() + bill.merchantFunded()).isEqualTo(25_000);
    }

    @Test
    void comboNeedsACombinedOrder() {
        Bill single = new Bill(List.of(order(1, 500_000))).promotions(new PromotionPolicy(COMBO, List.of(), 0));
        assertThat(single.lines()).isEmpty();
        assertThat(single.payable()).isEqualTo(500_000);
    }

    @Test
    void theHighestTierReachedIsSpreadOverWhatIsLeftAfterTheCombo() {
        Bill bill = new Bill(List.of(order(1, 120_000), order(2, 100_000))).promotions(POLICY);
        // combo: 12_000 + 10_000 = 22_000 (under the ¥250 payment cap); gross 220_000 ≥ 200_000 → ¥100 off
        assertThat(bill.total(DiscountKind.COMBO)).isEqualTo(22_000);
        assertThat(bill.total(DiscountKind.TIER)).isEqualTo(10_000);
        // left after combo 108_000 : 90_000 → 5_455 : 4_545
        assertThat(bill.discount(0, DiscountKind.TIER)).isEqualTo(5_455);
        assertThat(bill.discount(1, DiscountKind.TIER)).isEqualTo(4_545);
        assertThat(bill.payable()).isEqualTo(220_000 - 32_000);
        assertThat(bill.lines()).filteredOn(l -> l.kind() == DiscountKind.TIER).allSatisfy(l -> assertThat(l.platformFen()).isEqualTo(l.amountFen()));
    }

    @Test
    void belowEveryTierNothingIsTakenOff() {
        Bill bill = new Bill(List.of(order(1, 29_999))).promotions(POLICY);
        assertThat(bill.lines()).isEmpty();
    }

    @Test
    void couponsAreRecordedPerOrderWithTheirFundingSplit() {
        Bill bill = new Bill(List.of(order(1, 10_000), order(2, 30_000)))
                .coupons(List.of(new AppliedCoupon(77, 4_000, 1_000, 3_000,
                        List.of(new AppliedCoupon.Part(0, 1_000), new AppliedCoupon.Part(1, 3_000)))));
        assertThat(bill.discount(0, DiscountKind.COUPON)).isEqualTo(1_000);
        assertThat(bill.discount(1, DiscountKind.COUPON)).isEqualTo(3_000);
        assertThat(bill.merchantFunded()).isEqualTo(1_000);
        assertThat(bill.platformFunded()).isEqualTo(3_000);
        assertThat(bill.lines()).extracting(DiscountLine::source).containsOnly("coupon-77");
    }

    @Test
    void anInconsistentCouponOrOneLargerThanTheOrderIsRefused() {
        Bill bill = new Bill(List.of(order(1, 1_000)));
        assertThatThrownBy(() -> bill.coupons(List.of(new AppliedCoupon(1, 500, 0, 500, List.of(new AppliedCoupon.Part(0, 400))))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bill.coupons(List.of(new AppliedCoupon(1, 2_000, 0, 2_000, List.of(new AppliedCoupon.Part(0, 2_000))))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsAreCappedByShareBalanceAndTheLastFen() {
        PointsRule rule = new PointsRule(100, 50);
        assertThat(rule.fenFor(1_234)).isEqualTo(1_234);
        assertThat(rule.maxFen(10_000, 1_000_000)).isEqualTo(5_000);
        assertThat(rule.maxFen(10_000, 300)).isEqualTo(300);
        assertThat(new PointsRule(100, 100).maxFen(10_000, 1_000_000)).isEqualTo(9_999);
        assertThat(rule.maxFen(1, 100)).isZero();
        PointsRule tenPerFen = new PointsRule(1_000, 50);
        assertThat(tenPerFen.fenFor(15)).isEqualTo(1);
        assertThat(tenPerFen.pointsFor(1)).isEqualTo(10);
        PointsRule twoFenPerPoint = new PointsRule(50, 50);
        assertThat(twoFenPerPoint.pointsFor(11)).isEqualTo(6);
    }

    @Test
    void pointsGoOnWhatCouponsLeftAndAreMallFunded() {
        Bill bill = new Bill(List.of(order(1, 10_000), order(2, 30_000)))
                .coupons(List.of(new AppliedCoupon(9, 10_000, 0, 10_000, List.of(new AppliedCoupon.Part(1, 10_000)))))
                .points(3_000, 3_000);
        // left 10_000 : 20_000
        assertThat(bill.discount(0, DiscountKind.POINTS)).isEqualTo(1_000);
        assertThat(bill.discount(1, DiscountKind.POINTS)).isEqualTo(2_000);
        assertThat(bill.payable()).isEqualTo(27_000);
        assertThat(bill.payable(0) + bill.payable(1)).isEqualTo(bill.payable());
        assertThat(bill.lines()).filteredOn(l -> l.kind() == DiscountKind.POINTS).allSatisfy(l -> assertThat(l.merchantFen()).isZero());
    }

    @Test
    void aPolicyRefusesNonsense() {
        assertThatThrownBy(() -> new PromotionPolicy.Combo(1, 100, 10, 10, 10, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromotionPolicy.Tier(100, 100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DiscountLine(0, DiscountKind.TIER, "x", 10, 3, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
