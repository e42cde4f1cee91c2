package com.siyu.coupon.issuing.domain;

/** One member of a grant batch and what happened to them (null until processed). */
public record BatchEntry(long id, int position, long memberId, String outcome, Long couponId) {
}
