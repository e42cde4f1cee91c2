package com.siyu.points.client;

import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The ids points-service's requests name, checked against the caller's tenant in member-service (cached a minute). */
@Component
public class References {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final TenantReferences stores;
    private final TenantReferences merchants;
    private final TenantReferences members;

    References(DirectoryClient directory, MemberClient memberClient, Clock clock) {
        this.stores = new TenantReferences("Store", directory::store, TTL, clock);
        this.merchants = new TenantReferences("Merchant", directory::merchant, TTL, clock);
        this.members = new TenantReferences("Member", memberClient::member, TTL, clock);
    }

    public Long store(String field, Long id) {
        return stores.require(field, id);
    }

    public Long merchant(String field, Long id) {
        return merchants.require(field, id);
    }

    public Long member(String field, Long id) {
        return members.require(field, id);
    }

    /** A member named in the path: 404 when not the caller's tenant's. */
    public long memberFound(long id) {
        return members.requireFound(id);
    }
}
