package com.siyu.payment.refund.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.payment.checkout.domain.DiscountKind;
import com.siyu.payment.checkout.domain.DiscountLine;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundPlanTest {

    // order 1: gross 10_001, combo 1_000 (half merchant-funded), coupon 7 spread over both orders, 3_001 points fen → cash 5_667;
    // order 2: gross 7_000, coupon 7's other part, coupon 8, 1_999 points fen → cash 4_233. 500 points paid 5_000 fen in all.
    static final List<DiscountLine> LINES = List.of(
            new DiscountLine(0, DiscountKind.COMBO, "combo", 1_000, 500, 500),
            new DiscountLine(0, DiscountKind.COUPON, "coupon-7", 333, 250, 83),
            new DiscountLine(1, DiscountKind.COUPON, "coupon-7", 667, 500, 167),
            new DiscountLine(0, DiscountKind.POINTS, "3000-points", 3_001, 3_001, 0),
            new DiscountLine(1, DiscountKind.POINTS, "3000-points", 1_999, 1_999, 0),
            new DiscountLine(1, DiscountKind.COUPON, "coupon-8", 100, 100, 0));

    static Payment payment(long refunded0, long refunded1) {
        List<MerchantOrder> orders = List.of(
                new MerchantOrder("P-1", 11, 101, "FASHION", 10_001, 1_333, 3_001, 10_001 - 1_333 - 3_001, refunded0),
                new MerchantOrder("P-2", 12, 102, "FOOD", 7_000, 767, 1_999, 7_000 - 767 - 1_999, refunded1));
        return new Payment("P", 5, PaymentStatus.PAID, "WECHAT", 17_001, 2_100, 500, 5_000, 17_001 - 2_100 - 5_000, List.of(7L, 8L), "x",
                "t", null, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, orders, LINES, 0, null, null, null);
    }

    @Test
    void aPartialRefundGivesBackItsShareOfCashPointsAndEveryDiscountLine() {
        RefundPlan plan = RefundPlan.of(payment(0, 0), "P-1", 2_500L);
        // cash of order 1 is 5_667: floor(5_667 × 2_500 / 10_001) = 1_416
        assertThat(plan.cashFen()).isEqualTo(1_416);
        assertThat(plan.pointsFen()).isEqualTo(750);
        // 500 points over 5_000 points fen: 750 of them → 75 points
        assertThat(plan.pointsToReturn()).isEqualTo(75);
        assertThat(plan.reversed()).extracting(DiscountLine::source).containsExactly("combo", "coupon-7", "3000-points");
        assertThat(plan.reversed().get(0).platformFen()).isEqualTo(124);
        assertThat(plan.reversed().get(0).merchantFen()).isEqualTo(124);
        assertThat(plan.orderFullyRefunded()).isFalse();
        assertThat(plan.couponsToRestore()).isEmpty();
    }

    @Test
    void refundsInAnySplitAddUpExactlyToTheOrder() {
        long[] splits = {1, 2_499, 3_333, 17, 4_151};
        long refunded = 0;
        long cash = 0;
        long points = 0;
        long returned = 0;
        long platform = 0;
        long merchant = 0;
        for (long split : splits) {
            RefundPlan plan = RefundPlan.of(payment(refunded, 0), "P-1", split);
            refunded += split;
            cash += plan.cashFen();
            points += plan.pointsFen();
            returned += plan.pointsToReturn();
            platform += plan.reversed().stream().mapToLong(DiscountLine::platformFen).sum();
            merchant += plan.reversed().stream().mapToLong(DiscountLine::merchantFen).sum();
        }
        assertThat(refunded).isEqualTo(10_001);
        assertThat(cash).isEqualTo(10_001 - 1_333 - 3_001);
        assertThat(points).isEqualTo(3_001);
        // every fen of the order is back: as cash or undone discount lines (the POINTS line is the points' value)
        assertThat(cash + platform + merchant).isEqualTo(10_001);
        // order 1 holds 3_001 of the 5_000 points fen: floor(500 × 3_001 / 5_000) = 300 points
        assertThat(returned).isEqualTo(300);
        // and the other order then returns exactly the rest
        assertThat(RefundPlan.of(payment(10_001, 0), "P-2", null).pointsToReturn()).isEqualTo(200);
    }

    @Test
    void aCouponComesBackOnlyWhenEveryOrderItDiscountedIsFullyRefunded() {
        RefundPlan first = RefundPlan.of(payment(0, 0), "P-2", null);
        assertThat(first.orderFullyRefunded()).isTrue();
        // coupon 8 was only on order 2; coupon 7 is on order 1 too, which is not refunded
        assertThat(first.couponsToRestore()).containsExactly(8L);
        RefundPlan second = RefundPlan.of(payment(0, 7_000), "P-1", null);
        assertThat(second.couponsToRestore()).containsExactly(7L);
    }

    @Test
    void nothingBeyondWhatIsLeftAndNoUnknownOrder() {
        assertThatThrownBy(() -> RefundPlan.of(payment(10_000, 0), "P-1", 2L)).hasMessageContaining("1 fen left");
        assertThatThrownBy(() -> RefundPlan.of(payment(10_001, 0), "P-1", null))
                .isInstanceOfSatisfying(RefundRefused.class, e -> assertThat(e.code()).isEqualTo("REFUND_ORDER_ALREADY_REFUNDED"));
        assertThatThrownBy(() -> RefundPlan.of(payment(0, 0), "P-9", null))
                .isInstanceOfSatisfying(RefundRefused.class, e -> assertThat(e.code()).isEqualTo("REFUND_ORDER_UNKNOWN"));
        assertThatThrownBy(() -> RefundPlan.of(payment(0, 0), "P-1", 0L))
                .isInstanceOfSatisfying(RefundRefused.class, e -> assertThat(e.code()).isEqualTo("REFUND_EXCEEDS_ORDER"));
    }

    @Test
    void retriesOfTheChannelBackOffUpToAnHour() {
        List<Long> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 12; attempt++) {
            waits.add(Refunding.backoff(attempt).toSeconds());
        }
        assertThat(waits).startsWith(30L, 60L, 120L, 240L).endsWith(3_600L, 3_600L);
    }
}
