package com.siyu.member.segment.domain;

import java.util.List;

/** All conditions must hold (千人千面: stage, tier, spend, recency, tags, stores, categories). */
public record SegmentRule(List<Condition> all) {

    public SegmentRule {
        if (all == null || all.isEmpty() || all.size() > 20) {
            throw Condition.invalid("A segment rule needs 1-20 conditions under 'all'");
        }
        all = List.copyOf(all);
    }
}
