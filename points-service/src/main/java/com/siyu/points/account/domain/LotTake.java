package com.siyu.points.account.domain;

/** Points taken from (positive) or given back to (negative) one lot by one journal line. */
public record LotTake(long lotId, Long issuingStoreId, long points) {
}
