package com.siyu.coupon.checkout.domain;

/** A payment's use of a coupon: locked → redeemed → restored/forfeited on refund; locked → released. */
public enum RedemptionStatus { LOCKED, REDEEMED, RELEASED, RESTORED, FORFEITED }
