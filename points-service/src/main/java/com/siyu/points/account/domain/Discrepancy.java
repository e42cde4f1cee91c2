package com.siyu.points.account.domain;

/** An account whose balance differs from the sum of its journal or of its lots, or whose debt differs from its journal. */
public record Discrepancy(long memberId, long balance, long journalSum, long lotRemainingSum, long debt, long journalDebtSum) {
}
