package com.siyu.points.settlement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One store's points settlement for a period. The store that issued points funds the discount they
 * give: when store A's points are used at store B, A owes B. Per counterpart store:
 * {@code owedToUs} (their points used here), {@code owedByUs} (our points used there), and the net in
 * points and in fen at the tenant's rate (positive: the counterpart pays this store).
 */
public record SettlementReport(Long storeId, LocalDate from, LocalDate to, long pointsIssued, long consumedInOwnStore,
                               long consumedElsewhere, long consumedHereFromElsewhere, List<Counterpart> counterparts) {

    public record Counterpart(Long storeId, long owedToUsPoints, long owedByUsPoints, long netPoints, long netFen) {
    }

    /** Aggregates settlement flows (already netted per issuing/consuming pair) into the report of {@code storeId}. Pure. */
    public static SettlementReport of(Long storeId, LocalDate from, LocalDate to, long pointsIssued, List<Flow> flows,
                                      int redeemPointsPerYuan) {
        long own = 0;
        long elsewhere = 0;
        long fromElsewhere = 0;
        Map<Long, long[]> byCounterpart = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (Flow flow : flows) {
            boolean issuedHere = Objects.equals(flow.issuingStoreId(), storeId);
            boolean usedHere = Objects.equals(flow.consumingStoreId(), storeId);
            if (issuedHere && usedHere) {
                own += flow.points();
            } else if (issuedHere) {
                elsewhere += flow.points();
                byCounterpart.computeIfAbsent(flow.consumingStoreId(), k -> new long[2])[1] += flow.points();
            } else if (usedHere) {
                fromElsewhere += flow.points();
                byCounterpart.computeIfAbsent(flow.issuingStoreId(), k -> new long[2])[0] += flow.points();
            }
        }
        List<Counterpart> counterparts = new ArrayList<>();
        byCounterpart.forEach((other, sums) -> {
            long net = sums[0] - sums[1];
            counterparts.add(new Counterpart(other, sums[0], sums[1], net, toFen(net, redeemPointsPerYuan)));
        });
        return new SettlementReport(storeId, from, to, pointsIssued, own, elsewhere, fromElsewhere, List.copyOf(counterparts));
    }

    /** Points to fen at "n points = 1 yuan", rounded half-even (banker's) so many small nets do not bias one side. */
    static long toFen(long points, int redeemPointsPerYuan) {
        return BigDecimal.valueOf(points).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(redeemPointsPerYuan), 0, RoundingMode.HALF_EVEN).longValueExact();
    }
}
