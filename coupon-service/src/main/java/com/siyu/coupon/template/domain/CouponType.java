package com.siyu.coupon.template.domain;

/** Cash voucher, threshold (满减: spend X get Y off), percent discount with a cap. */
public enum CouponType { CASH, THRESHOLD, DISCOUNT }
