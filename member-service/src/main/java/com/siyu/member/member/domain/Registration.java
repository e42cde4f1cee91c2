package com.siyu.member.member.domain;

/** The outcome of registering a shopper: the member, and whether this call created it. */
public record Registration(Member member, boolean created) {
}
