package com.siyu.points.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReturnAllocationTest {

    static final List<LotTake> SPENT = List.of(new LotTake(1, 10L, 30), new LotTake(2, 20L, 50), new LotTake(3, 30L, 20));

    @Test
    void aReturnGoesBackToTheLotsInTheOrderTheyWereTaken() {
        assertThat(LotConsumption.returning(SPENT, 0, 40)).containsExactly(new LotTake(1, 10L, -30), new LotTake(2, 20L, -10));
    }

    @Test
    void laterReturnsContinueWhereTheEarlierOnesStopped() {
        assertThat(LotConsumption.returning(SPENT, 40, 45)).containsExactly(new LotTake(2, 20L, -40), new LotTake(3, 30L, -5));
        assertThat(LotConsumption.returning(SPENT, 85, 15)).containsExactly(new LotTake(3, 30L, -15));
    }

    @Test
    void returnsInAnySplitAddUpToTheSpendLotByLot() {
        long[] splits = {1, 7, 13, 29, 50};
        long before = 0;
        List<LotTake> all = new ArrayList<>();
        for (long split : splits) {
            all.addAll(LotConsumption.returning(SPENT, before, split));
            before += split;
        }
        assertThat(before).isEqualTo(100);
        for (LotTake spent : SPENT) {
            assertThat(all.stream().filter(t -> t.lotId() == spent.lotId()).mapToLong(LotTake::points).sum()).isEqualTo(-spent.points());
        }
    }

    @Test
    void neverMoreThanWasSpent() {
        assertThatThrownBy(() -> LotConsumption.returning(SPENT, 90, 11)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LotConsumption.returning(SPENT, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
