package com.siyu.member.tenant.domain;

import java.time.ZoneId;

/** A mall group onboarded onto the platform. */
public record Tenant(long id, String code, String name, String miniappAppId, String miniappSecret, ZoneId timeZone, TenantStatus status) {

    public boolean isActive() {
        return status == TenantStatus.ACTIVE;
    }
}
