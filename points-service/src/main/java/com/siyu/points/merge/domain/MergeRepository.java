package com.siyu.points.merge.domain;

import java.util.List;
import java.util.Optional;

/** The merges applied to points and the lots each moved (implemented in infra); all calls act on the tenant in context. */
public interface MergeRepository {

    enum Status { MERGED, UNMERGED }

    record AppliedMerge(long mergeId, long survivorId, long mergedId, Status status, long movedPoints, long movedDebt,
                        long returnedPoints, long returnedDebt) {
    }

    /** Records the merge; false when it was recorded before (its effect is already there). */
    boolean begin(long mergeId, long survivorId, long mergedId);

    void recordMoved(long mergeId, long points, long debt);

    /** Adds to what the merge moved (points and debt forwarded to the survivor after the merge). */
    void addMoved(long mergeId, long points, long debt);

    /** The merge that currently has {@code mergedId} absorbed (status MERGED), if any. */
    Optional<AppliedMerge> activeMergeOf(long mergedId);

    void recordLot(long mergeId, long fromLotId, long toLotId, long points);

    /** MERGED → UNMERGED in one conditional update; false when it was not MERGED. */
    boolean beginUndo(long mergeId);

    void recordReturned(long mergeId, long points, long debt, List<UnmergeTransfer.LotReturn> lots);

    Optional<AppliedMerge> find(long mergeId);

    /** The lots the merge moved: (absorbed's lot, survivor's new lot, points moved). */
    List<UnmergeTransfer.MovedLot> movedLots(long mergeId);
}
