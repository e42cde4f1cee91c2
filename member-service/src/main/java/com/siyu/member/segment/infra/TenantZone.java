package com.siyu.member.segment.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.tenant.domain.TenantRepository;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The time zone of the tenant in context: a segment's local dates (birthdays) are the mall's, not the server's. */
@Component
class TenantZone {

    private final TenantRepository tenants;

    TenantZone(TenantRepository tenants) {
        this.tenants = tenants;
    }

    ZoneId current() {
        long tenant = CallerContext.requireTenant();
        return tenants.findById(tenant).map(Tenant::timeZone).orElseThrow(() -> new IllegalStateException("no tenant " + tenant));
    }
}
