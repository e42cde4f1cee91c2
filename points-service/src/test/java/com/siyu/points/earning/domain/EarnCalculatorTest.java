package com.siyu.points.earning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EarnCalculatorTest {

    static final Instant NOW = Instant.parse("2026-05-01T04:00:00Z");

    static EarnRule rate(long id, Long store, Long merchant, String category, int milli) {
        return new EarnRule(id, EarnRule.Kind.RATE, "rate " + id, store, merchant, category, null, milli, null, null, null);
    }

    static Purchase buy(long fen, Long store, Long merchant, String category, String tier) {
        return new Purchase(fen, store, merchant, category, tier, NOW);
    }

    @Test
    void theMostSpecificRateWins() {
        List<EarnRule> rules = List.of(rate(1, null, null, null, 1000), rate(2, 5L, null, null, 2000),
                rate(3, null, null, "FOOD", 500), rate(4, null, 77L, null, 3000));
        assertThat(EarnCalculator.quote(rules, buy(12_345, 9L, null, null, null), 0, null).points()).isEqualTo(123);
        assertThat(EarnCalculator.quote(rules, buy(12_345, 5L, null, null, null), 0, null).points()).isEqualTo(246);
        assertThat(EarnCalculator.quote(rules, buy(12_345, 5L, null, "FOOD", null), 0, null).points()).isEqualTo(61);
        assertThat(EarnCalculator.quote(rules, buy(12_345, 5L, 77L, "FOOD", null), 0, null).points()).isEqualTo(370);
    }

    @Test
    void noRateMeansNoPoints() {
        assertThat(EarnCalculator.quote(List.of(), buy(100_000, 1L, null, null, null), 0, null).points()).isZero();
    }

    @Test
    void anExcludedMerchantEarnsNothing() {
        List<EarnRule> rules = List.of(rate(1, null, null, null, 1000),
                new EarnRule(2L, EarnRule.Kind.EXCLUDE, "tobacco counter", null, 66L, null, null, null, null, null, null));
        EarnQuote quote = EarnCalculator.quote(rules, buy(50_000, 1L, 66L, null, null), 0, null);
        assertThat(quote.points()).isZero();
        assertThat(quote.excludedBy()).isEqualTo("tobacco counter");
        assertThat(EarnCalculator.quote(rules, buy(50_000, 1L, 67L, null, null), 0, null).points()).isEqualTo(500);
    }

    @Test
    void theBestActiveCampaignAndTheTierMultiply() {
        List<EarnRule> rules = List.of(rate(1, null, null, null, 1000),
                new EarnRule(2L, EarnRule.Kind.CAMPAIGN, "double", null, null, null, null, null, 200, NOW.minusSeconds(60), NOW.plusSeconds(60)),
                new EarnRule(3L, EarnRule.Kind.CAMPAIGN, "triple at store 8", 8L, null, null, null, null, 300, null, null),
                new EarnRule(4L, EarnRule.Kind.CAMPAIGN, "ended", null, null, null, null, null, 500, null, NOW),
                new EarnRule(5L, EarnRule.Kind.TIER, "gold", null, null, null, "GOLD", null, 150, null, null));
        assertThat(EarnCalculator.quote(rules, buy(10_000, 1L, null, null, null), 0, null).points()).isEqualTo(200);
        assertThat(EarnCalculator.quote(rules, buy(10_000, 8L, null, null, null), 0, null).points()).isEqualTo(300);
        EarnQuote gold = EarnCalculator.quote(rules, buy(10_000, 8L, null, null, "GOLD"), 0, null);
        assertThat(gold.points()).isEqualTo(450);
        assertThat(gold.basePoints()).isEqualTo(100);
        assertThat(gold.campaignPct()).isEqualTo(300);
        assertThat(gold.tierPct()).isEqualTo(150);
    }

    @Test
    void theDailyCapCutsWhatIsLeftOfTheDay() {
        List<EarnRule> rules = List.of(rate(1, null, null, null, 1000));
        EarnQuote partly = EarnCalculator.quote(rules, buy(100_000, 1L, null, null, null), 4_950, 5_000L);
        assertThat(partly.points()).isEqualTo(50);
        assertThat(partly.cappedBy()).isEqualTo(950);
        assertThat(EarnCalculator.quote(rules, buy(100_000, 1L, null, null, null), 5_000, 5_000L).points()).isZero();
        assertThat(EarnCalculator.quote(rules, buy(100_000, 1L, null, null, null), 6_000, 5_000L).points()).isZero();
    }

    @Test
    void largeAmountsDoNotOverflow() {
        List<EarnRule> rules = List.of(rate(1, null, null, null, 100_000),
                new EarnRule(2L, EarnRule.Kind.CAMPAIGN, "x10", null, null, null, null, null, 1000, null, null));
        assertThat(EarnCalculator.quote(rules, buy(100_000_000_000L, 1L, null, null, null), 0, null).points()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void rulesValidateThemselves() {
        assertThatThrownBy(() -> new EarnRule(null, EarnRule.Kind.RATE, "x", null, null, null, null, -1, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarnRule(null, EarnRule.Kind.CAMPAIGN, "x", null, null, null, null, null, 50, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EarnRule(null, EarnRule.Kind.TIER, "x", null, null, null, null, null, 150, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
