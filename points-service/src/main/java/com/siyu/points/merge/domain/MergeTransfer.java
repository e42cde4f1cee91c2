package com.siyu.points.merge.domain;

import com.siyu.points.account.domain.AccountState;
import com.siyu.points.account.domain.Lot;
import java.time.LocalDate;
import java.util.List;

/**
 * What a merge moves from the absorbed member's account to the survivor's, planned from the absorbed
 * account's locked state: the whole balance as one move per open lot (each keeps its issuing store,
 * merchant, expiry and source, so settlement and expiry work on the survivor exactly as they would have),
 * and the whole recorded debt. Held reservations are not in the balance nor in any lot's remaining, so
 * they stay with the absorbed member and confirm or release against it.
 */
public record MergeTransfer(long points, long debt, List<LotMove> lots) {

    public static final MergeTransfer NOTHING = new MergeTransfer(0, 0, List.of());

    /** One open lot of the absorbed member: its remaining points become a new lot of the survivor. */
    public record LotMove(long fromLotId, Long issuingStoreId, Long merchantId, LocalDate expiresOn, String sourceBizId, long points) {
    }

    public static MergeTransfer plan(AccountState absorbed, List<Lot> openLots) {
        List<LotMove> moves = openLots.stream().filter(lot -> lot.remaining() > 0)
                .map(lot -> new LotMove(lot.id(), lot.issuingStoreId(), lot.merchantId(), lot.expiresOn(), lot.sourceBizId(),
                        lot.remaining()))
                .toList();
        long inLots = moves.stream().mapToLong(LotMove::points).sum();
        if (inLots != absorbed.balance()) {
            // reconciliation would list this account: moving it would spread the error to the survivor
            throw new LedgerOutOfBalance(absorbed.memberId(), absorbed.balance(), inLots);
        }
        return new MergeTransfer(absorbed.balance(), absorbed.debt(), moves);
    }

    public boolean isEmpty() {
        return points == 0 && debt == 0;
    }
}
