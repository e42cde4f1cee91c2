package com.siyu.coupon.wallet.domain;

/** What was issued from a template, counted from the coupon rows and from the members' quota counters. */
public record IssuedCounts(long couponRows, long quotaClaimed) {
}
