package com.siyu.points.merge.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.Lot;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MergeTransferTest {

    static Lot lot(long id, Long store, long points, long remaining, LocalDate expires) {
        return new Lot(id, 2, store, null, points, remaining, expires, "pay-" + id, points, 1000, 0, 0);
    }

    @Test
    void everyOpenLotMovesWithItsStoreExpiryAndSourceAndTheDebtMovesWhole() {
        LocalDate june = LocalDate.of(2026, 6, 30);
        MergeTransfer transfer = MergeTransfer.plan(new AccountState(9, 2, 130, 40),
                List.of(lot(1, 101L, 100, 100, june), lot(2, 202L, 50, 30, null), lot(3, 303L, 20, 0, june)));

        assertThat(transfer.points()).isEqualTo(130);
        assertThat(transfer.debt()).isEqualTo(40);
        assertThat(transfer.lots()).containsExactly(
                new MergeTransfer.LotMove(1, 101L, null, june, "pay-1", 100),
                new MergeTransfer.LotMove(2, 202L, null, null, "pay-2", 30));
    }

    @Test
    void anEmptyAccountMovesNothing() {
        assertThat(MergeTransfer.plan(new AccountState(9, 2, 0, 0), List.of(lot(3, 303L, 20, 0, null))).isEmpty()).isTrue();
        MergeTransfer onlyDebt = MergeTransfer.plan(new AccountState(9, 2, 0, 15), List.of());
        assertThat(onlyDebt.isEmpty()).isFalse();
        assertThat(onlyDebt.debt()).isEqualTo(15);
    }

    @Test
    void anAccountWhoseLotsDisagreeWithItsBalanceIsNotMerged() {
        assertThatThrownBy(() -> MergeTransfer.plan(new AccountState(9, 2, 131, 0), List.of(lot(1, 101L, 100, 100, null))))
                .isInstanceOf(LedgerOutOfBalance.class).hasMessageContaining("balance 131, lots 100");
    }
}
