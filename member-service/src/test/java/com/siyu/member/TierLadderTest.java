package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.common.problem.DomainException;
import com.siyu.member.tier.domain.Tier;
import com.siyu.member.tier.domain.TierLadder;
import java.util.List;
import org.junit.jupiter.api.Test;

class TierLadderTest {

    private final TierLadder ladder = new TierLadder(List.of(new Tier("GOLD", "金卡", 1000), new Tier("SILVER", "银卡", 100)));

    @Test
    void theHighestTierReachedWins() {
        assertThat(ladder.reachedBy(99)).isEmpty();
        assertThat(ladder.reachedBy(100)).get().extracting(Tier::code).isEqualTo("SILVER");
        assertThat(ladder.reachedBy(999)).get().extracting(Tier::code).isEqualTo("SILVER");
        assertThat(ladder.reachedBy(5000)).get().extracting(Tier::code).isEqualTo("GOLD");
        assertThat(ladder.rank("GOLD")).isGreaterThan(ladder.rank("SILVER"));
        assertThat(ladder.rank(null)).isEqualTo(-1);
    }

    @Test
    void growthIsOnePerWholeYuanPlusTenPerVisit() {
        assertThat(TierLadder.growthFor(0, true)).isEqualTo(10);
        assertThat(TierLadder.growthFor(199, false)).isEqualTo(1);
        assertThat(TierLadder.growthFor(95_000, true)).isEqualTo(960);
    }

    @Test
    void anAmbiguousLadderIsRefused() {
        assertThatThrownBy(() -> new TierLadder(List.of(new Tier("A", "a", 10), new Tier("B", "b", 10)))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new TierLadder(List.of(new Tier("A", "a", 10), new Tier("A", "b", 20)))).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> new Tier("gold", "x", 1)).isInstanceOf(DomainException.class);
    }
}
