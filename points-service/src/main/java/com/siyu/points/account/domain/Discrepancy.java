package com.siyu.points.account.domain;

/** An account whose balance does not equal the sum of its journal. */
public record Discrepancy(long memberId, long balance, long journalSum) {
}
