package com.siyu.coupon.issuing.api;

/** A template's stock counter against the coupons that exist and the members' quota counters: all three agree when clean. */
public record ReconciliationResponse(long templateId, int totalStock, int issuedCount, long couponRows, long quotaClaimed,
                                     boolean clean) {
}
