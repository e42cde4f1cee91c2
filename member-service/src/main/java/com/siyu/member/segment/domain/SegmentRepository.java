package com.siyu.member.segment.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface SegmentRepository {

    Segment insert(String name, SegmentRule rule);

    Optional<Segment> find(long id);

    long count(SegmentRule rule, Instant now);

    /** Member ids in the segment, ascending, after {@code afterId} (keyset paging for large segments). */
    List<Long> members(SegmentRule rule, Instant now, long afterId, int limit);
}
