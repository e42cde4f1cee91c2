package com.siyu.member.segment.domain;

import java.util.List;

/**
 * All conditions must hold (千人千面: stage, tier, spend, recency, tags, stores, categories). The rule
 * of a segment and of a rule tag.
 */
public record SegmentRule(List<Condition> all) {

    public SegmentRule {
        if (all == null || all.isEmpty() || all.size() > 20) {
            throw Condition.invalid("A segment rule needs 1-20 conditions under 'all'");
        }
        all = List.copyOf(all);
    }

    /** Names of the tags the rule selects on (its "tag" conditions), for the self-reference guard of rule tags. */
    public java.util.Set<String> tagNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        for (Condition condition : all) {
            if (condition.field().equals("tag")) {
                if (condition.value() instanceof List<?> list) {
                    list.forEach(v -> names.add(((String) v).trim()));
                } else {
                    names.add(((String) condition.value()).trim());
                }
            }
        }
        return names;
    }
}
