package com.siyu.guide.binding.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BindingDecisionTest {

    static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    static final BindingRule LAST_30 = new BindingRule(BindingRule.Mode.LAST_TOUCH, 30, false);
    static final BindingRule FIRST = new BindingRule(BindingRule.Mode.FIRST_TOUCH, 0, true);

    static Binding boundTo(long guide, Duration ago) {
        return new Binding(1, guide, "CODE", null, NOW.minus(ago));
    }

    @Test
    void anUnboundMemberIsBoundAndTheSameGuideChangesNothing() {
        assertThat(BindingDecision.of(LAST_30, null, 7, BindingSource.CODE, NOW)).isEqualTo(BindingDecision.BIND);
        assertThat(BindingDecision.of(FIRST, boundTo(7, Duration.ofDays(400)), 7, BindingSource.STAFF, NOW)).isEqualTo(BindingDecision.ALREADY);
    }

    @Test
    void lastTouchMovesOnlyOnceTheProtectionDaysHavePassed() {
        assertThat(BindingDecision.of(LAST_30, boundTo(7, Duration.ofDays(30).minusSeconds(1)), 8, BindingSource.LINK, NOW))
                .isEqualTo(BindingDecision.KEEP);
        assertThat(BindingDecision.of(LAST_30, boundTo(7, Duration.ofDays(30)), 8, BindingSource.LINK, NOW)).isEqualTo(BindingDecision.MOVE);
    }

    @Test
    void firstTouchKeepsTheMemberAndOnlyAnOverridingOperatorMovesThem() {
        assertThat(BindingDecision.of(FIRST, boundTo(7, Duration.ofDays(999)), 8, BindingSource.WECOM, NOW)).isEqualTo(BindingDecision.KEEP);
        assertThat(BindingDecision.of(FIRST, boundTo(7, Duration.ZERO), 8, BindingSource.STAFF, NOW)).isEqualTo(BindingDecision.MOVE);
        // without the override an operator is one more touch under the rule
        assertThat(BindingDecision.of(LAST_30, boundTo(7, Duration.ofDays(1)), 8, BindingSource.STAFF, NOW)).isEqualTo(BindingDecision.KEEP);
        assertThat(BindingDecision.of(LAST_30, boundTo(7, Duration.ofDays(31)), 8, BindingSource.STAFF, NOW)).isEqualTo(BindingDecision.MOVE);
    }
}
