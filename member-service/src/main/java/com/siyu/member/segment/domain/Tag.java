package com.siyu.member.segment.domain;

import java.time.Instant;

/** A tag of the tenant; {@code rule} is set exactly for RULE tags, {@code evaluatedAt} once a rule tag was evaluated. */
public record Tag(long id, String name, TagKind kind, SegmentRule rule, Instant evaluatedAt) {

    public boolean ruleBased() {
        return kind == TagKind.RULE;
    }
}
