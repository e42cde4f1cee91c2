package com.siyu.points.settlement.domain;

/** Points issued by {@code issuingStoreId} consumed at {@code consumingStoreId} in a period (null = the group / no store). */
public record Flow(Long issuingStoreId, Long consumingStoreId, long points) {
}
