package com.siyu.points.account.domain;

/** The balance row of one member: {@code balance} spendable points, {@code debt} points owed from refunds. */
public record AccountState(long id, long memberId, long balance, long debt) {
}
