package com.siyu.points.merge.domain;

import java.util.List;

/**
 * What undoing a merge moves back from the survivor to the formerly absorbed member.
 *
 * <p>The rule: <b>what came over and is still there goes back; what the survivor used is not charged.</b>
 * Each lot the merge created on the survivor gives back what it still has (its remaining, at most what it
 * received), to the very lot it came from. Points the survivor spent, had reserved or saw expire from those
 * lots after the merge stay spent: the merge was the operator's decision and the survivor's purchases are
 * real, so no debt is created for either member (the operator can adjust manually). Debt moved by the merge
 * goes back only as far as the survivor still owes it; what later earnings paid off stays paid.
 */
public record UnmergeTransfer(long points, long debt, List<LotReturn> lots) {

    /** A lot the merge created on the survivor, with what it has left now. */
    public record MovedLot(long fromLotId, long toLotId, long moved, long remainingNow) {
    }

    /** Points going back from the survivor's lot to the absorbed member's original lot. */
    public record LotReturn(long fromLotId, long toLotId, long points) {
    }

    public static UnmergeTransfer plan(List<MovedLot> moved, long debtMoved, long survivorDebtNow) {
        List<LotReturn> returns = moved.stream()
                .map(lot -> new LotReturn(lot.fromLotId(), lot.toLotId(), Math.max(0, Math.min(lot.remainingNow(), lot.moved()))))
                .filter(lot -> lot.points() > 0)
                .toList();
        long points = returns.stream().mapToLong(LotReturn::points).sum();
        long debt = Math.max(0, Math.min(debtMoved, survivorDebtNow));
        return new UnmergeTransfer(points, debt, returns);
    }

    public boolean isEmpty() {
        return points == 0 && debt == 0;
    }
}
