package com.siyu.member.segment.domain;

/** MANUAL: staff put the tag on members. RULE: the tag's members are exactly the members matching its rule. */
public enum TagKind { MANUAL, RULE }
