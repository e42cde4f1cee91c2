package com.siyu.coupon.wallet.domain;

/** How a coupon reached the member; part of its business key. */
public enum IssueSource { CLAIM, OPERATOR, BATCH, PAYMENT_REWARD, PURCHASE, FRIEND_ADD, CAMPAIGN }
