package com.siyu.member.tenant.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.member.events.domain.Outbox;
import com.siyu.member.staff.domain.StaffAccounts;
import com.siyu.member.staff.domain.StaffRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Onboarding of tenants and the stores they run. */
@Service
public class TenantDirectory {

    /** Published once per new tenant; other services give it their defaults (points-service: an earn rule of 1 point per yuan). */
    public static final String TENANT_ONBOARDED = "TenantOnboarded";

    private final TenantRepository tenants;
    private final StaffAccounts staff;
    private final Outbox outbox;

    public TenantDirectory(TenantRepository tenants, StaffAccounts staff, Outbox outbox) {
        this.tenants = tenants;
        this.staff = staff;
        this.outbox = outbox;
    }

    /** Creates the tenant, its stores and its first TENANT_ADMIN in one transaction, and announces it. */
    @Transactional
    public Tenant onboard(NewTenant request) {
        long tenantId = tenants.insertTenant(request);
        return CallerContext.callAs(Caller.system(tenantId), () -> {
            for (NewStore store : request.stores()) {
                tenants.insertStore(store);
            }
            staff.create(request.adminUsername(), request.adminDisplayName(), request.adminPassword(),
                    Set.of(StaffRole.TENANT_ADMIN), null);
            outbox.record(TENANT_ONBOARDED, Map.of("tenantId", tenantId, "code", request.code()));
            return tenants.findById(tenantId).orElseThrow();
        });
    }

    public Tenant byCode(String code) {
        return tenants.findByCode(code).orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Tenant", code));
    }

    public Tenant configureMiniApp(String code, String appId, String secret) {
        Tenant tenant = byCode(code);
        tenants.setMiniApp(tenant.id(), appId, secret);
        return tenants.findById(tenant.id()).orElseThrow();
    }

    /** A suspended tenant's staff and shoppers cannot sign in; tokens already issued expire on their own. */
    public Tenant setStatus(String code, TenantStatus status) {
        Tenant tenant = byCode(code);
        tenants.setStatus(tenant.id(), status);
        return tenants.findById(tenant.id()).orElseThrow();
    }

    @Transactional
    public Store addStore(NewStore store) {
        return tenants.insertStore(store);
    }

    public List<Store> stores() {
        return tenants.stores();
    }

    public Store store(long id) {
        return tenants.store(id).orElseThrow(() -> com.siyu.common.problem.DomainException.notFound("Store", id));
    }
}
