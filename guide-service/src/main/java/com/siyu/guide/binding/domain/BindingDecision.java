package com.siyu.guide.binding.domain;

import java.time.Instant;

/** What a touch does to a member's binding under the tenant's rule (pure: unit-tested on its own). */
public enum BindingDecision {
    /** the member had no guide: bind */
    BIND,
    /** the member already has this guide: nothing changes */
    ALREADY,
    /** the member moves to this guide */
    MOVE,
    /** the member stays with the current guide (first touch wins, or still protected) */
    KEEP;

    public static BindingDecision of(BindingRule rule, Binding current, long guideId, BindingSource source, Instant now) {
        if (current == null) {
            return BIND;
        }
        if (current.guideId() == guideId) {
            return ALREADY;
        }
        if (source == BindingSource.STAFF && rule.operatorOverrides()) {
            return MOVE;
        }
        if (rule.mode() == BindingRule.Mode.FIRST_TOUCH) {
            return KEEP;
        }
        return now.isBefore(current.boundAt().plus(java.time.Duration.ofDays(rule.protectionDays()))) ? KEEP : MOVE;
    }
}
