package com.siyu.member.member.domain;

/** Walk-in shopper who only paid → registered member → super member. */
public enum FunnelStage { WALK_IN, REGISTERED, SUPER }
