package com.siyu.points.account.domain;

/** Why the points changed; with the business id it makes each journal line unique. */
public enum BizType { ADJUSTMENT, PAYMENT_SPEND }
