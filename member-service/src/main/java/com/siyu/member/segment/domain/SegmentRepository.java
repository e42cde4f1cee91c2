package com.siyu.member.segment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface SegmentRepository {

    Segment insert(String name, SegmentRule rule);

    /**
     * The segment of that name, made with the rule if there is none; {@code SEGMENT_NAME_TAKEN} (409) when one of that
     * name selects by another rule. Safe when callers race: the name is unique per tenant.
     */
    Segment ensure(String name, SegmentRule rule);

    Optional<Segment> find(long id);

    long count(SegmentRule rule, Instant now);

    /** Member ids in the segment, ascending, after {@code afterId} (keyset paging for large segments). */
    List<Long> members(SegmentRule rule, Instant now, long afterId, int limit);
}
