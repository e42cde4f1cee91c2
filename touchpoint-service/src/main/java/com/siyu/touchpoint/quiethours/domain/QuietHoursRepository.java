package com.siyu.touchpoint.quiethours.domain;

import java.util.Optional;

public interface QuietHoursRepository {

    Optional<QuietHours> find();

    /** Sets the tenant's quiet hours (insert or replace, one row per tenant). */
    void save(QuietHours hours, Long staffId);
}
