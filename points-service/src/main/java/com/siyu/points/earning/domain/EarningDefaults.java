package com.siyu.points.earning.domain;

import org.springframework.stereotype.Service;

/**
 * What a newly onboarded tenant earns with before its operators configure anything: one tenant-wide
 * RATE rule of 1 point per yuan. The points policy needs no row: {@link PointsPolicy#DEFAULT} applies
 * until the tenant saves its own.
 */
@Service
public class EarningDefaults {

    static final String DEFAULT_RULE_NAME = "Default: 1 point per yuan";

    private final PolicyRepository policies;

    public EarningDefaults(PolicyRepository policies) {
        this.policies = policies;
    }

    /**
     * Adds the default rule unless the tenant already has rules (an operator who was quicker than the
     * onboarding event keeps exactly what they set). Runs in the caller's transaction, as the tenant.
     *
     * @return whether the rule was added
     */
    public boolean apply() {
        if (!policies.rules().isEmpty()) {
            return false;
        }
        policies.add(new EarnRule(null, EarnRule.Kind.RATE, DEFAULT_RULE_NAME, null, null, null, null, 1000, null, null, null));
        return true;
    }
}
