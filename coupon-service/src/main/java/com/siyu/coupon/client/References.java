package com.siyu.coupon.client;

import com.siyu.common.problem.DomainException;
import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The ids coupon-service's requests name, checked against the caller's tenant in member-service (cached a minute). */
@Component
public class References {

    private static final Duration TTL = Duration.ofMinutes(1);

    private final TenantReferences stores;
    private final TenantReferences merchants;
    private final TenantReferences members;

    private final DirectoryClient directory;

    References(DirectoryClient directory, StoreClient storeClient, Clock clock) {
        this.directory = directory;
        this.stores = new TenantReferences("Store", storeClient::store, TTL, clock);
        this.merchants = new TenantReferences("Merchant", directory::merchant, TTL, clock);
        this.members = new TenantReferences("Member", directory::member, TTL, clock);
    }

    public Long member(String field, Long id) {
        return members.require(field, id);
    }

    /**
     * A list of members (a grant batch's audience), checked in one call: 422 UNKNOWN_MEMBERS naming the first
     * few that are not the tenant's active members, before anything is issued or counted against stock.
     */
    public void members(String field, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return;
        }
        Set<Long> active = new HashSet<>(directory.known(new DirectoryClient.MemberIds(ids)).active());
        List<Long> unknown = ids.stream().filter(id -> !active.contains(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_MEMBERS", field + ": " + unknown.size()
                    + " of the listed members are not active members of this tenant: " + unknown.stream().limit(20).toList()
                    + (unknown.size() > 20 ? " and more" : ""));
        }
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
