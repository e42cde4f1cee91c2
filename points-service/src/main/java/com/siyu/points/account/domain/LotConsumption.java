package com.siyu.points.account.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Which lots a debit takes its points from: the soonest-expiring first (never-expiring last), then the oldest. */
public final class LotConsumption {

    /** Oldest expiry first; lots that never expire after all that do; ties by creation (id). */
    public static final Comparator<Lot> ORDER = Comparator
            .comparing(Lot::expiresOn, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
            .thenComparingLong(Lot::id);

    private LotConsumption() {
    }

    /**
     * The takes that cover {@code points} from {@code lots}. The balance update already proved the
     * member has the points, so lots that cannot cover them mean the ledger is broken: that fails
     * loudly and the whole transaction rolls back.
     */
    public static List<LotTake> fifo(List<Lot> lots, long points) {
        if (points <= 0) {
            throw new IllegalArgumentException("points to consume must be positive");
        }
        List<Lot> ordered = lots.stream().filter(lot -> lot.remaining() > 0).sorted(ORDER).toList();
        List<LotTake> takes = new ArrayList<>();
        long left = points;
        for (Lot lot : ordered) {
            if (left == 0) {
                break;
            }
            long take = Math.min(left, lot.remaining());
            takes.add(new LotTake(lot.id(), lot.issuingStoreId(), take));
            left -= take;
        }
        if (left > 0) {
            throw new IllegalStateException("lots hold " + (points - left) + " points but " + points + " must be consumed: ledger out of balance");
        }
        return takes;
    }

    /**
     * The lots that spent points go back to when {@code points} more of a spend are returned, after
     * {@code returnedBefore} already were. The spend's takes are handed back in the order they were taken,
     * each lot at most what it gave, so repeated partial returns add up to the spend exactly and never
     * give a lot more than it lost. Answers negative takes (points going back), as movement lines want them.
     */
    public static List<LotTake> returning(List<LotTake> taken, long returnedBefore, long points) {
        if (points <= 0 || returnedBefore < 0) {
            throw new IllegalArgumentException("points to return must be positive");
        }
        long total = taken.stream().mapToLong(LotTake::points).sum();
        if (returnedBefore + points > total) {
            throw new IllegalArgumentException("cannot return " + points + " points after " + returnedBefore + " of " + total);
        }
        List<LotTake> back = new ArrayList<>();
        long from = returnedBefore;
        long to = returnedBefore + points;
        long start = 0;
        for (LotTake take : taken) {
            long end = start + take.points();
            long lo = Math.max(start, from);
            long hi = Math.min(end, to);
            if (hi > lo) {
                back.add(new LotTake(take.lotId(), take.issuingStoreId(), -(hi - lo)));
            }
            start = end;
        }
        return back;
    }
}
