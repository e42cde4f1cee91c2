package com.siyu.member.tenant.api;

import com.siyu.member.tenant.domain.Tenant;

public record TenantResponse(long id, String code, String name, String miniappAppId, String timeZone, String status) {

    static TenantResponse of(Tenant tenant) {
        return new TenantResponse(tenant.id(), tenant.code(), tenant.name(), tenant.miniappAppId(),
                tenant.timeZone().getId(), tenant.status().name());
    }
}
