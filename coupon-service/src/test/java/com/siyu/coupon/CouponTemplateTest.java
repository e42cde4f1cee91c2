package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.coupon.template.domain.CouponTemplate;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.InvalidTemplate;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CouponTemplateTest {

    static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-12-31T00:00:00Z");

    @Test
    void thresholdCouponAppliesOnlyFromTheThreshold() {
        CouponTemplate spend100Get20 = CouponTemplate.draft("满100减20", CouponType.THRESHOLD, 2000L, 10000L, null, null, 10, 1, FROM, TO);
        assertThat(spend100Get20.discountFor(9999)).isZero();
        assertThat(spend100Get20.discountFor(10000)).isEqualTo(2000);
        assertThat(spend100Get20.discountFor(50000)).isEqualTo(2000);
    }

    @Test
    void cashCouponNeverExceedsTheOrder() {
        CouponTemplate fiveYuan = CouponTemplate.draft("5元券", CouponType.CASH, 500L, null, null, null, 10, 1, FROM, TO);
        assertThat(fiveYuan.discountFor(300)).isEqualTo(300);
        assertThat(fiveYuan.discountFor(800)).isEqualTo(500);
    }

    @Test
    void discountCouponRoundsDownToTheFenAndRespectsItsCap() {
        CouponTemplate tenOff = CouponTemplate.draft("9折", CouponType.DISCOUNT, null, null, 10, 3000L, 10, 1, FROM, TO);
        assertThat(tenOff.discountFor(999)).isEqualTo(99);
        assertThat(tenOff.discountFor(100000)).isEqualTo(3000);
    }

    @Test
    void incoherentTemplatesCannotExist() {
        assertThatThrownBy(() -> CouponTemplate.draft("x", CouponType.THRESHOLD, 2000L, 2000L, null, null, 10, 1, FROM, TO))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("thresholdFen");
        assertThatThrownBy(() -> CouponTemplate.draft("x", CouponType.CASH, null, null, null, null, 10, 1, FROM, TO))
                .isInstanceOf(InvalidTemplate.class);
        assertThatThrownBy(() -> CouponTemplate.draft("x", CouponType.DISCOUNT, null, null, 100, null, 10, 1, FROM, TO))
                .isInstanceOf(InvalidTemplate.class);
        assertThatThrownBy(() -> CouponTemplate.draft("x", CouponType.CASH, 100L, null, null, null, 0, 1, FROM, TO))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("totalStock");
        assertThatThrownBy(() -> CouponTemplate.draft("x", CouponType.CASH, 100L, null, null, null, 10, 1, TO, FROM))
                .isInstanceOf(InvalidTemplate.class).hasMessageContaining("validFrom");
    }
}
