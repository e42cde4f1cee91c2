package com.siyu.member.segment.domain;

/** A tag a member carries, and whether staff put it there (MANUAL) or its rule did (RULE). */
public record MemberTag(long tagId, String name, TagKind kind) {
}
