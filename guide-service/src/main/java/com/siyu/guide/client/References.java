package com.siyu.guide.client;

import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The ids guide-service's requests name, checked against the caller's tenant in member-service (cached a minute). */
@Component
public class References {

    private final TenantReferences members;
    private final TenantReferences merchants;

    References(MemberClient memberClient, DirectoryClient directory, Clock clock) {
        this.members = new TenantReferences("Member", memberClient::member, Duration.ofMinutes(1), clock);
        this.merchants = new TenantReferences("Merchant", directory::merchant, Duration.ofMinutes(1), clock);
    }

    /** A counter named in a request body (null passes): 422 UNKNOWN_MERCHANT when not the caller's tenant's. */
    public Long merchant(String field, Long id) {
        return merchants.require(field, id);
    }

    /** A member named in the path: 404 when not the caller's tenant's. */
    public long memberFound(long id) {
        return members.requireFound(id);
    }
}
