package com.siyu.points.settlement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementReportTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    @Test
    void theIssuingStoreOwesTheStoreWherePointsWereUsed() {
        List<Flow> flows = List.of(
                new Flow(1L, 1L, 300),   // A's points at A
                new Flow(1L, 2L, 250),   // A's points at B: A owes B
                new Flow(2L, 1L, 50),    // B's points at A: B owes A
                new Flow(3L, 1L, 120),   // C's points at A
                new Flow(null, 1L, 10),  // group-funded points (operator grants) at A
                new Flow(2L, 3L, 999));  // not about A
        SettlementReport a = SettlementReport.of(1L, DAY, DAY, 1_000, flows, 100);
        assertThat(a.consumedInOwnStore()).isEqualTo(300);
        assertThat(a.consumedElsewhere()).isEqualTo(250);
        assertThat(a.consumedHereFromElsewhere()).isEqualTo(180);
        assertThat(a.pointsIssued()).isEqualTo(1_000);
        assertThat(a.counterparts()).containsExactly(
                new SettlementReport.Counterpart(null, 10, 0, 10, 10),
                new SettlementReport.Counterpart(2L, 50, 250, -200, -200),
                new SettlementReport.Counterpart(3L, 120, 0, 120, 120));
    }

    @Test
    void pointsConvertAtTheTenantsRateRoundedHalfEven() {
        assertThat(SettlementReport.toFen(250, 100)).isEqualTo(250);
        assertThat(SettlementReport.toFen(250, 200)).isEqualTo(125);
        assertThat(SettlementReport.toFen(1, 200)).isEqualTo(0);
        assertThat(SettlementReport.toFen(3, 200)).isEqualTo(2);
        assertThat(SettlementReport.toFen(-3, 200)).isEqualTo(-2);
    }

    @Test
    void bothSidesOfAPairSeeTheSameNet() {
        List<Flow> flows = List.of(new Flow(1L, 2L, 70), new Flow(2L, 1L, 20));
        SettlementReport a = SettlementReport.of(1L, DAY, DAY, 0, flows, 100);
        SettlementReport b = SettlementReport.of(2L, DAY, DAY, 0, flows, 100);
        assertThat(a.counterparts().get(0).netFen()).isEqualTo(-50);
        assertThat(b.counterparts().get(0).netFen()).isEqualTo(50);
    }
}
