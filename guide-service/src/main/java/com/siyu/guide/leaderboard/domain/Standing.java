package com.siyu.guide.leaderboard.domain;

/**
 * A guide's figures in a period: attributed sales (what their members paid, and how much of the gross was
 * refunded since), new bindings won by a touch (code, link, WeCom, an operator; not handovers or merges), and
 * the commission written in the period (earnings less clawbacks), and the tasks they completed in it.
 */
public record Standing(int rank, long guideId, String name, long storeId, String status, long salesFen, long orders, long refundedFen,
                       long newBindings, long commissionFen, long tasksDone) {
}
