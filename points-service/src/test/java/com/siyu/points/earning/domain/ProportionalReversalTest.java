package com.siyu.points.earning.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ProportionalReversalTest {

    @Test
    void aRefundTakesBackItsShareOfThePoints() {
        assertThat(ProportionalReversal.points(100, 10_000, 0, 2_500, 0)).isEqualTo(25);
        assertThat(ProportionalReversal.points(100, 10_000, 0, 10_000, 0)).isEqualTo(100);
    }

    @Test
    void partialRefundsAddUpToExactlyWhatWasEarned() {
        long earned = 101;
        long amount = 30_000;
        long reversed = 0;
        long refunded = 0;
        for (long part : new long[] {10_000, 10_000, 10_000}) {
            long now = ProportionalReversal.points(earned, amount, refunded, part, reversed);
            reversed += now;
            refunded += part;
        }
        assertThat(reversed).isEqualTo(101);
        assertThat(ProportionalReversal.points(101, 30_000, 0, 10_000, 0)).isEqualTo(33);
    }

    @Test
    void aRefundBeyondThePaymentIsRefused() {
        assertThatThrownBy(() -> ProportionalReversal.points(100, 10_000, 9_000, 1_001, 90)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pointsComeFromTheEarnedLotThenTheBalanceThenBecomeDebt() {
        assertThat(ProportionalReversal.plan(100, 100, 500)).isEqualTo(new ProportionalReversal.Plan(100, 0, 0));
        assertThat(ProportionalReversal.plan(100, 30, 500)).isEqualTo(new ProportionalReversal.Plan(30, 70, 0));
        assertThat(ProportionalReversal.plan(100, 30, 50)).isEqualTo(new ProportionalReversal.Plan(30, 20, 50));
        ProportionalReversal.Plan spentAll = ProportionalReversal.plan(100, 0, 0);
        assertThat(spentAll.shortfall()).isEqualTo(100);
        assertThat(spentAll.fromBalance()).isZero();
    }
}
