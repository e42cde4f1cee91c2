package com.siyu.member.segment.domain;

import com.siyu.common.problem.DomainException;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Segments that campaigns and coupons target: counted quickly, listed page by page. */
@Service
public class Segments {

    private final SegmentRepository segments;
    private final Clock clock;

    public Segments(SegmentRepository segments, Clock clock) {
        this.segments = segments;
        this.clock = clock;
    }

    public Segment define(String name, SegmentRule rule) {
        return segments.insert(name, rule);
    }

    /** For other services' presets (a birthday campaign's segment): the same name and rule give the same segment. */
    public Segment ensure(String name, SegmentRule rule) {
        return segments.ensure(name, rule);
    }

    public Segment get(long id) {
        return segments.find(id).orElseThrow(() -> DomainException.notFound("Segment", id));
    }

    public long count(long id) {
        return segments.count(get(id).rule(), clock.instant());
    }

    public List<Long> members(long id, long afterId, int limit) {
        return segments.members(get(id).rule(), clock.instant(), afterId, limit);
    }
}
