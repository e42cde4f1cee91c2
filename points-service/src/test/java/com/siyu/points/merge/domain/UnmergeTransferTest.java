package com.siyu.points.merge.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnmergeTransferTest {

    @Test
    void whatIsLeftOfEachMovedLotGoesBackToTheLotItCameFromAndSpentPointsStaySpent() {
        UnmergeTransfer transfer = UnmergeTransfer.plan(List.of(
                new UnmergeTransfer.MovedLot(1, 11, 100, 100),   // untouched
                new UnmergeTransfer.MovedLot(2, 12, 30, 5),      // survivor spent 25 of it
                new UnmergeTransfer.MovedLot(3, 13, 20, 0)),     // all spent or expired
                0, 0);

        assertThat(transfer.lots()).containsExactly(new UnmergeTransfer.LotReturn(1, 11, 100), new UnmergeTransfer.LotReturn(2, 12, 5));
        assertThat(transfer.points()).isEqualTo(105);
        assertThat(transfer.debt()).isZero();
    }

    @Test
    void debtGoesBackOnlyAsFarAsTheSurvivorStillOwesIt() {
        assertThat(UnmergeTransfer.plan(List.of(), 40, 100).debt()).isEqualTo(40);
        assertThat(UnmergeTransfer.plan(List.of(), 40, 15).debt()).isEqualTo(15);
        assertThat(UnmergeTransfer.plan(List.of(), 40, 0).isEmpty()).isTrue();
    }

    @Test
    void neverMoreThanTheLotReceived() {
        // a lot cannot hold more than it was issued with, but the plan does not rely on it
        UnmergeTransfer transfer = UnmergeTransfer.plan(List.of(new UnmergeTransfer.MovedLot(1, 11, 10, 50)), 0, 0);
        assertThat(transfer.points()).isEqualTo(10);
    }
}
