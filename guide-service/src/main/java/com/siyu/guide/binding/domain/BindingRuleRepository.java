package com.siyu.guide.binding.domain;

import java.util.Optional;

/** The tenant in context's binding rule. */
public interface BindingRuleRepository {

    Optional<BindingRule> find();

    void save(BindingRule rule);
}
