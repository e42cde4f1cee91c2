package com.siyu.member.tenant.api;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.member.tenant.domain.TenantRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** For other services (Feign): the caller's tenant, e.g. its time zone for expiry jobs. */
@RestController
class TenantInternalController {

    private final TenantRepository tenants;

    TenantInternalController(TenantRepository tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/internal/tenants/current")
    TenantResponse current() {
        long tenantId = CallerContext.requireTenant();
        return TenantResponse.of(tenants.findById(tenantId).orElseThrow(() -> DomainException.notFound("Tenant", tenantId)));
    }
}
