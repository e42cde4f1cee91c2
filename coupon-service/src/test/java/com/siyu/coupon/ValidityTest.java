package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.InvalidTemplate;
import com.siyu.coupon.template.domain.RefundPolicy;
import com.siyu.coupon.template.domain.Scope;
import com.siyu.coupon.template.domain.Stacking;
import com.siyu.coupon.template.domain.TemplateRules;
import com.siyu.coupon.template.domain.TemplateStatus;
import com.siyu.coupon.template.domain.UsableWindow;
import com.siyu.coupon.template.domain.ValidityPeriod;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Validity computation, issuing windows, lifecycle and the new template types' invariants. */
class ValidityTest {

    static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");

    @Test
    void fixedValidityIsTheTemplatesDatesAndIssuingStopsAtTheEnd() {
        CouponTemplate fixed = CouponTemplate.draft("fixed", CouponType.CASH, 500L, null, null, null, 10, 1, FROM, TO);
        Instant before = Instant.parse("2026-02-10T00:00:00Z");
        assertThat(fixed.couponValidity(before)).isEqualTo(new ValidityPeriod(FROM, TO));
        assertThat(fixed.issuableAt(before)).as("a fixed coupon may be handed out before it becomes usable").isTrue();
        assertThat(fixed.issuableAt(TO)).isFalse();
        assertThat(fixed.couponValidity(before).contains(before)).isFalse();
        assertThat(fixed.couponValidity(before).contains(FROM)).isTrue();
        assertThat(fixed.couponValidity(before).contains(TO)).isFalse();
    }

    @Test
    void relativeValidityRunsNDaysFromTheIssueWithinTheIssuingWindow() {
        CouponTemplate relative = CouponTemplate.draft("7 days", CouponType.CASH, 500L, null, null, null, 10, 1, FROM, TO,
                rules(7, null));
        Instant issued = Instant.parse("2026-03-31T23:00:00Z");
        assertThat(relative.couponValidity(issued)).isEqualTo(new ValidityPeriod(issued, Instant.parse("2026-04-07T23:00:00Z")));
        assertThat(relative.issuableAt(issued)).isTrue();
        assertThat(relative.issuableAt(FROM.minusMillis(1))).isFalse();
        assertThat(relative.issuableAt(TO)).isFalse();
    }

    @Test
    void lifecycleMovesOneWay() {
        assertThat(TemplateStatus.DRAFT.canMoveTo(TemplateStatus.ACTIVE)).isTrue();
        assertThat(TemplateStatus.ACTIVE.canMoveTo(TemplateStatus.PAUSED)).isTrue();
        assertThat(TemplateStatus.PAUSED.canMoveTo(TemplateStatus.ACTIVE)).isTrue();
        assertThat(TemplateStatus.PAUSED.canMoveTo(TemplateStatus.ENDED)).isTrue();
        assertThat(TemplateStatus.DRAFT.canMoveTo(TemplateStatus.PAUSED)).isFalse();
        assertThat(TemplateStatus.ENDED.canMoveTo(TemplateStatus.ACTIVE)).isFalse();
    }

    @Test
    void groupBuyBlindBoxAndExchangeAreCoherentOrRefused() {
        CouponTemplate groupBuy = CouponTemplate.draft("600团750", CouponType.GROUP_BUY, 75_000L, null, null, null, 100, 2, FROM, TO,
                withPrice(60_000L, List.of()));
        assertThat(groupBuy.discountFor(100_000)).isEqualTo(75_000);
        assertThatThrownBy(() -> CouponTemplate.draft("bad", CouponType.GROUP_BUY, 75_000L, null, null, null, 100, 2, FROM, TO,
                withPrice(80_000L, List.of()))).isInstanceOf(InvalidTemplate.class).hasMessageContaining("priceFen");

        List<BlindBoxPrize> rides = List.of(new BlindBoxPrize(null, "海盗船", 1, 10, 0), new BlindBoxPrize(null, "跳楼机", 2, 20, 0));
        CouponTemplate box = CouponTemplate.draft("9.9盲盒", CouponType.BLIND_BOX, null, null, null, null, 30, 5, FROM, TO,
                withPrice(990L, rides));
        assertThat(box.discountFor(10_000)).isZero();
        assertThatThrownBy(() -> CouponTemplate.draft("9.9盲盒", CouponType.BLIND_BOX, null, null, null, null, 31, 5, FROM, TO,
                withPrice(990L, rides))).isInstanceOf(InvalidTemplate.class).hasMessageContaining("sum of its prizes");

        assertThatThrownBy(() -> CouponTemplate.draft("exchange", CouponType.EXCHANGE, null, null, null, null, 10, 1, FROM, TO))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("itemName");
        assertThatThrownBy(() -> CouponTemplate.draft("fenced", CouponType.CASH, 100L, null, null, null, 10, 1, FROM, TO,
                new TemplateRules(null, null, null, null, null, null, Scope.TENANT, null, 0, null, 3000, null, List.of())))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("storeIds");
        assertThatThrownBy(() -> CouponTemplate.draft("daily", CouponType.CASH, 100L, null, null, null, 10, 1, FROM, TO, rules(null, 2)))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("perMemberDailyLimit");
        assertThatThrownBy(() -> new UsableWindow(600, 500, Set.of())).isInstanceOf(InvalidTemplate.class);
    }

    private static TemplateRules rules(Integer validDays, Integer dailyLimit) {
        return new TemplateRules(null, null, null, dailyLimit, validDays, UsableWindow.ALWAYS, Scope.TENANT, Stacking.EXCLUSIVE_BUT_POINTS,
                0, RefundPolicy.RESTORE, null, null, List.of());
    }

    private static TemplateRules withPrice(long priceFen, List<BlindBoxPrize> prizes) {
        return new TemplateRules(null, priceFen, null, null, null, UsableWindow.ALWAYS, Scope.TENANT, Stacking.EXCLUSIVE_BUT_POINTS, 0,
                RefundPolicy.RESTORE, null, null, prizes);
    }
}
