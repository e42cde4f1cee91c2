package com.siyu.coupon.template.domain;

/** What a refund does to a coupon the payment used: give it back (if still valid) or keep it spent. */
public enum RefundPolicy { RESTORE, FORFEIT }
