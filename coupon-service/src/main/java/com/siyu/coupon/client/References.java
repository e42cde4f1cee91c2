package com.siyu.coupon.client;

import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import org.springframework.stereotype.Component;

/** The ids coupon-service's requests name, checked against the caller's tenant in member-service (cached a minute). */
@Component
public class References {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final TenantReferences stores;
    private final TenantReferences merchants;
    private final TenantReferences members;

    References(DirectoryClient directory, StoreClient storeClient, Clock clock) {
        this.stores = new TenantReferences("Store", storeClient::store, TTL, clock);
        this.merchants = new TenantReferences("Merchant", directory::merchant, TTL, clock);
        this.members = new TenantReferences("Member", directory::member, TTL, clock);
    }

    public Long member(String field, Long id) {
        return members.require(field, id);
    }

    /** A member named in the path: 404 when not the caller's tenant's. */
    public long memberFound(long id) {
        return members.requireFound(id);
    }

    public void stores(String field, Collection<Long> ids) {
        if (ids != null) {
            ids.forEach(id -> stores.require(field, id));
        }
    }

    public void merchants(String field, Collection<Long> ids) {
        if (ids != null) {
            ids.forEach(id -> merchants.require(field, id));
        }
    }
}
