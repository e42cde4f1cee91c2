package com.siyu.payment.checkout.domain;

import java.util.Optional;

/** The current tenant's own checkout rules, if it set any. */
public interface StoredRules {

    Optional<Stored> find();

    /** Inserts or replaces (one statement). */
    void save(Stored rules, Long staffId);

    void remove();

    record Stored(PromotionPolicy promotions, int pointsMaxSharePercent) {
    }
}
