package com.siyu.guide.commission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommissionMathTest {

    static CommissionRule rule(long id, Long merchant, String category, CommissionRule.Kind kind, long value, Long cap) {
        return new CommissionRule(id, merchant, category, null, kind, value, cap, true);
    }

    @Test
    void percentIsBasisPointsOfWhatWasPaidRoundedDownAndCapped() {
        assertThat(CommissionMath.earn(rule(1, null, null, CommissionRule.Kind.PERCENT, 300, null), 9_999)).isEqualTo(299);
        assertThat(CommissionMath.earn(rule(1, null, null, CommissionRule.Kind.PERCENT, 1_000, 500L), 10_000)).isEqualTo(500);
        assertThat(CommissionMath.earn(rule(1, null, null, CommissionRule.Kind.FIXED, 800, null), 500)).isEqualTo(500);
        assertThat(CommissionMath.earn(rule(1, null, null, CommissionRule.Kind.FIXED, 800, null), 5_000)).isEqualTo(800);
    }

    @Test
    void refundsInAnySplitTakeBackExactlyWhatWasEarned() {
        long earned = 333;
        long gross = 10_001;
        long[] parts = {1, 2_500, 3_333, 4_167};
        long back = 0;
        long refunded = 0;
        for (long part : parts) {
            back += CommissionMath.reversal(earned, gross, refunded, part);
            refunded += part;
        }
        assertThat(refunded).isEqualTo(gross);
        assertThat(back).isEqualTo(earned);
        // more than the order is never more than earned
        assertThat(CommissionMath.reversal(earned, gross, 0, gross * 2)).isEqualTo(earned);
    }

    @Test
    void theCountersRuleBeatsTheCategorysWhichBeatsTheTenantWideOne() {
        List<CommissionRule> rules = List.of(rule(1, null, null, CommissionRule.Kind.PERCENT, 100, null),
                rule(2, null, "food", CommissionRule.Kind.PERCENT, 200, null), rule(3, 501L, null, CommissionRule.Kind.PERCENT, 300, null),
                new CommissionRule(4, 501L, null, null, CommissionRule.Kind.PERCENT, 900, null, false));
        assertThat(CommissionRule.forOrder(rules, 501, "food", null).orElseThrow().id()).isEqualTo(3);
        assertThat(CommissionRule.forOrder(rules, 502, "food", null).orElseThrow().id()).isEqualTo(2);
        assertThat(CommissionRule.forOrder(rules, 502, "toys", null).orElseThrow().id()).isEqualTo(1);
        assertThat(CommissionRule.forOrder(List.of(rules.get(2)), 502, "toys", null)).isEmpty();
    }

    @Test
    void aCampaignsRuleWinsOnlyForOrdersThroughThatCampaignsLinks() {
        List<CommissionRule> rules = List.of(rule(1, null, null, CommissionRule.Kind.PERCENT, 100, null),
                rule(3, 501L, null, CommissionRule.Kind.PERCENT, 300, null),
                new CommissionRule(5, null, null, "may-day", CommissionRule.Kind.FIXED, 1_000, null, true),
                new CommissionRule(6, null, null, "old", CommissionRule.Kind.FIXED, 9_000, null, false));
        assertThat(CommissionRule.forOrder(rules, 501, "food", "may-day").orElseThrow().id()).isEqualTo(5);
        // another campaign (or a retired campaign rule) falls back to the general rules
        assertThat(CommissionRule.forOrder(rules, 501, "food", "old").orElseThrow().id()).isEqualTo(3);
        assertThat(CommissionRule.forOrder(rules, 502, "food", "autumn").orElseThrow().id()).isEqualTo(1);
        // a campaign rule is never taken for an order without that campaign
        assertThat(CommissionRule.forOrder(List.of(rules.get(2)), 502, "food", null)).isEmpty();
    }
}
