package com.siyu.points.merge.domain;

/** The absorbed account's balance and its lots disagree; the merge is refused (retried, then dead-lettered for an operator). */
public class LedgerOutOfBalance extends IllegalStateException {

    public LedgerOutOfBalance(long memberId, long balance, long inLots) {
        super("Points account of member " + memberId + " is out of balance (balance " + balance + ", lots " + inLots
                + "); it is not merged until reconciled");
    }
}
