package com.siyu.member.tenant.domain;

import java.util.List;
import java.util.Optional;

/** Persistence of the tenant directory (implemented in infra). */
public interface TenantRepository {

    /** Inserts the tenant; throws {@link TenantCodeTaken} when the code or app id is in use. */
    long insertTenant(NewTenant tenant);

    Optional<Tenant> findByCode(String code);

    Optional<Tenant> findById(long id);

    Optional<Tenant> findByMiniappAppId(String appId);

    /** Sets the tenant's mini-program app id and secret (rotation); throws {@link TenantCodeTaken} if the app id is another tenant's. */
    void setMiniApp(long tenantId, String appId, String secret);

    void setStatus(long tenantId, TenantStatus status);

    /** Ids of the active tenants (for per-tenant jobs). */
    List<Long> activeTenantIds();

    /** The active tenants whose local clock (their own time zone) reads {@code hour} o'clock at {@code now}: nightly jobs run per tenant night. */
    default List<Long> activeTenantsAtLocalHour(java.time.Instant now, int hour) {
        return activeTenantIds().stream()
                .filter(id -> findById(id).map(t -> now.atZone(t.timeZone()).getHour() == hour).orElse(false))
                .toList();
    }

    /** Inserts a store of the tenant in context; throws {@link StoreCodeTaken} on a duplicate code. */
    Store insertStore(NewStore store);

    List<Store> stores();

    Optional<Store> store(long id);
}
