package com.siyu.points.account.api;

/** What member-service's 360 profile and the shopper see: spendable points and any recorded debt. */
public record BalanceResponse(long memberId, long balance, long debt) {
}
