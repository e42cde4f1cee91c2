package com.siyu.points.account.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class LotConsumptionTest {

    static Lot lot(long id, Long store, long remaining, LocalDate expiresOn) {
        return new Lot(id, 1, store, null, remaining, remaining, expiresOn, null, 0, 0, 0, 0);
    }

    @Test
    void soonestExpiryFirstAcrossStoresThenNeverExpiringLast() {
        List<Lot> lots = List.of(
                lot(1, 10L, 100, null),
                lot(2, 20L, 50, LocalDate.of(2027, 6, 30)),
                lot(3, 30L, 40, LocalDate.of(2027, 1, 31)),
                lot(4, 20L, 0, LocalDate.of(2026, 1, 1)));
        assertThat(LotConsumption.fifo(lots, 120)).containsExactly(
                new LotTake(3, 30L, 40), new LotTake(2, 20L, 50), new LotTake(1, 10L, 30));
    }

    @Test
    void sameExpiryIsTakenInTheOrderTheLotsWereCreated() {
        LocalDate day = LocalDate.of(2027, 3, 1);
        assertThat(LotConsumption.fifo(List.of(lot(9, 1L, 5, day), lot(7, 2L, 5, day)), 6))
                .containsExactly(new LotTake(7, 2L, 5), new LotTake(9, 1L, 1));
    }

    @Test
    void takesOnlyWhatIsNeeded() {
        assertThat(LotConsumption.fifo(List.of(lot(1, null, 100, null)), 1)).containsExactly(new LotTake(1, null, 1));
    }

    @Test
    void lotsThatCannotCoverTheDebitMeanABrokenLedger() {
        assertThatThrownBy(() -> LotConsumption.fifo(List.of(lot(1, 1L, 10, null)), 11)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> LotConsumption.fifo(List.of(), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
