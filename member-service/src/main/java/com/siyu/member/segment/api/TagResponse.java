package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.SegmentRule;
import com.siyu.member.segment.domain.Tag;
import java.time.Instant;

/** {@code count} only where it was asked for (a single tag). */
public record TagResponse(long id, String name, String kind, SegmentRule rule, Instant evaluatedAt, Long count) {

    static TagResponse of(Tag tag, Long count) {
        return new TagResponse(tag.id(), tag.name(), tag.kind().name(), tag.rule(), tag.evaluatedAt(), count);
    }
}
