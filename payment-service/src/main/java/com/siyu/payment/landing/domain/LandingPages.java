package com.siyu.payment.landing.domain;

import java.util.Optional;

/** Landing pages of the current tenant; merchant 0 is the tenant's default. */
public interface LandingPages {

    long TENANT_DEFAULT = 0;

    /** Inserts or replaces the merchant's page (one statement: the unique key decides). */
    void save(long merchantId, Landing landing, Long staffId);

    /** False when the merchant had none. */
    boolean remove(long merchantId);

    Optional<Landing> of(long merchantId);
}
