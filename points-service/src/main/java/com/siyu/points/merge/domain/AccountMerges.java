package com.siyu.points.merge.domain;

import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.BizType;
import com.siyu.points.account.domain.JournalEntry;
import com.siyu.points.account.domain.LotRepository;
import com.siyu.points.account.domain.PointsChange;
import com.siyu.points.account.domain.PointsRepository;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * member-service merged two members (or undid it): the points follow. Runs inside the inbox's transaction
 * (the event is applied once); every change is still a conditional update plus a journal line unique by
 * (MERGE_OUT | MERGE_IN | UNMERGE_OUT | UNMERGE_IN, merge id), so even a second event for the same merge
 * cannot apply twice, and sum(journal) = balance = sum(lot remaining) holds for both accounts after each step.
 * Both balance rows are locked first, in member-id order, so concurrent merges and spends cannot deadlock
 * or interleave; the plans are made from the locked state.
 */
@Service
public class AccountMerges {

    private static final Logger log = LoggerFactory.getLogger(AccountMerges.class);

    private final PointsRepository points;
    private final LotRepository lots;
    private final MergeRepository merges;

    public AccountMerges(PointsRepository points, LotRepository lots, MergeRepository merges) {
        this.points = points;
        this.lots = lots;
        this.merges = merges;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public MergeTransfer merge(long mergeId, long survivorId, long mergedId) {
        if (survivorId == mergedId) {
            throw new IllegalArgumentException("merge " + mergeId + " merges member " + survivorId + " into itself");
        }
        if (!merges.begin(mergeId, survivorId, mergedId)) {
            log.info("Merge {} was applied to points before", mergeId);
            return MergeTransfer.NOTHING;
        }
        if (points.account(mergedId).isEmpty()) {
            return MergeTransfer.NOTHING;
        }
        MergeTransfer transfer = move(mergeId, survivorId, mergedId, bizId(mergeId), "merged into member " + survivorId,
                "member " + mergedId + " merged in");
        merges.recordMoved(mergeId, transfer.points(), transfer.debt());
        return transfer;
    }

    /**
     * What an absorbed member's account came to hold after its merge — a refund of a payment it made before
     * the merge gives points back to its own lots (or records a debt) — goes on to the survivor, like the
     * merge itself (journal lines keyed by merge and {@code reason}, the lots recorded so an undo returns them).
     * Nothing happens for a member that is not absorbed, or holds nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public MergeTransfer forward(long memberId, String reason) {
        Optional<MergeRepository.AppliedMerge> merge = merges.activeMergeOf(memberId);
        if (merge.isEmpty() || points.account(memberId).isEmpty()) {
            return MergeTransfer.NOTHING;
        }
        long mergeId = merge.get().mergeId();
        long survivorId = merge.get().survivorId();
        String key = "fwd-" + mergeId + "-" + reason;
        if (key.length() > 64) {
            key = "fwd-" + mergeId + "-" + java.util.UUID.nameUUIDFromBytes(reason.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        MergeTransfer transfer = move(mergeId, survivorId, memberId, key,
                "forwarded to member " + survivorId + " (" + reason + ")", "forwarded from member " + memberId + " (" + reason + ")");
        merges.addMoved(mergeId, transfer.points(), transfer.debt());
        return transfer;
    }

    /** Moves the absorbed account's balance, debt and open lots to the survivor under {@code bizId}; both rows locked in id order. */
    private MergeTransfer move(long mergeId, long survivorId, long mergedId, String bizId, String outReason, String inReason) {
        points.ensureAccount(survivorId);
        LockedPair pair = lockInOrder(survivorId, mergedId);
        AccountState absorbed = pair.of(mergedId);
        AccountState survivor = pair.of(survivorId);
        MergeTransfer transfer = MergeTransfer.plan(absorbed, lots.open(mergedId));
        if (transfer.isEmpty()) {
            return transfer;
        }
        for (MergeTransfer.LotMove move : transfer.lots()) {
            require(lots.take(move.fromLotId(), move.points()), "lot " + move.fromLotId() + " cannot give " + move.points());
        }
        require(change(mergedId, -transfer.points(), -transfer.debt()), "the absorbed account cannot give its points");
        points.append(absorbed.id(), new PointsChange(mergedId, -transfer.points(), -transfer.debt(), BizType.MERGE_OUT, bizId,
                null, outReason, null), absorbed.balance() - transfer.points());

        require(change(survivorId, transfer.points(), transfer.debt()), "the survivor's account cannot take the points");
        JournalEntry in = points.append(survivor.id(), new PointsChange(survivorId, transfer.points(), transfer.debt(),
                BizType.MERGE_IN, bizId, null, inReason, null), survivor.balance() + transfer.points());
        for (MergeTransfer.LotMove move : transfer.lots()) {
            // amount 0: refunds of the absorbed member's payments still find (and account on) the original lot
            long toLot = lots.insert(survivor.id(), survivorId, in.id(), new LotRepository.LotSource(move.issuingStoreId(),
                    move.merchantId(), move.expiresOn(), move.sourceBizId(), 0), move.points(), 0);
            merges.recordLot(mergeId, move.fromLotId(), toLot, move.points());
        }
        return transfer;
    }

    /**
     * An undo that overtakes its merge (the merge's delivery is being retried) records the merge as already
     * undone, so the late MemberMerged finds it and changes nothing; the undo is never lost.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public UnmergeTransfer unmerge(long mergeId, long survivorOfEvent, long mergedOfEvent) {
        if (!merges.beginUndo(mergeId)) {
            Optional<MergeRepository.AppliedMerge> applied = merges.find(mergeId);
            if (applied.isEmpty()) {
                if (!merges.begin(mergeId, survivorOfEvent, mergedOfEvent) || !merges.beginUndo(mergeId)) {
                    throw new MergeNotYetApplied(mergeId);
                }
                log.warn("Merge {} was undone before it reached points: recorded as undone, its merge will change nothing", mergeId);
            } else {
                log.info("Merge {} was already undone in points ({})", mergeId, applied.get().status());
            }
            return new UnmergeTransfer(0, 0, java.util.List.of());
        }
        MergeRepository.AppliedMerge applied = merges.find(mergeId).orElseThrow();
        if (applied.movedPoints() == 0 && applied.movedDebt() == 0) {
            return new UnmergeTransfer(0, 0, java.util.List.of());
        }
        long survivorId = applied.survivorId();
        long mergedId = applied.mergedId();
        LockedPair pair = lockInOrder(survivorId, mergedId);
        AccountState survivor = pair.of(survivorId);
        AccountState absorbed = pair.of(mergedId);
        UnmergeTransfer transfer = UnmergeTransfer.plan(merges.movedLots(mergeId), applied.movedDebt(), survivor.debt());
        if (!transfer.isEmpty()) {
            String bizId = bizId(mergeId);
            for (UnmergeTransfer.LotReturn lot : transfer.lots()) {
                require(lots.take(lot.toLotId(), lot.points()), "lot " + lot.toLotId() + " cannot give back " + lot.points());
            }
            require(change(survivorId, -transfer.points(), -transfer.debt()), "the survivor's account cannot give the points back");
            points.append(survivor.id(), new PointsChange(survivorId, -transfer.points(), -transfer.debt(), BizType.UNMERGE_OUT,
                    bizId, null, "merge with member " + mergedId + " undone", null), survivor.balance() - transfer.points());
            for (UnmergeTransfer.LotReturn lot : transfer.lots()) {
                require(lots.giveBack(lot.fromLotId(), lot.points()), "lot " + lot.fromLotId() + " cannot take back " + lot.points());
            }
            require(change(mergedId, transfer.points(), transfer.debt()), "the absorbed account cannot take its points back");
            points.append(absorbed.id(), new PointsChange(mergedId, transfer.points(), transfer.debt(), BizType.UNMERGE_IN, bizId,
                    null, "merge into member " + survivorId + " undone", null), absorbed.balance() + transfer.points());
        }
        merges.recordReturned(mergeId, transfer.points(), transfer.debt(), transfer.lots());
        return transfer;
    }

    public Optional<MergeRepository.AppliedMerge> applied(long mergeId) {
        return merges.find(mergeId);
    }

    static String bizId(long mergeId) {
        return "merge-" + mergeId;
    }

    private boolean change(long memberId, long delta, long debtDelta) {
        boolean ok = delta == 0 || points.applyDelta(memberId, delta);
        return ok && (debtDelta == 0 || points.applyDebt(memberId, debtDelta));
    }

    private static void require(boolean done, String what) {
        if (!done) {
            throw new IllegalStateException("Merge refused under the balance-row locks: " + what);
        }
    }

    private LockedPair lockInOrder(long a, long b) {
        long first = Math.min(a, b);
        long second = Math.max(a, b);
        AccountState one = points.lockAccount(first).orElseThrow(() -> new IllegalStateException("no account of member " + first));
        AccountState two = points.lockAccount(second).orElseThrow(() -> new IllegalStateException("no account of member " + second));
        return new LockedPair(one, two);
    }

    private record LockedPair(AccountState one, AccountState two) {
        AccountState of(long memberId) {
            return one.memberId() == memberId ? one : two;
        }
    }
}
