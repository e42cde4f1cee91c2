package com.siyu.points.earning.domain;

import java.util.List;
import java.util.Optional;

/** Policy and earn rules of the tenant in context. */
public interface PolicyRepository {

    Optional<PointsPolicy> policy();

    void save(PointsPolicy policy);

    List<EarnRule> rules();

    EarnRule add(EarnRule rule);

    boolean remove(long ruleId);
}
