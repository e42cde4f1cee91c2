package com.siyu.payment.client;

import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The counters payment-service's staff reads name, checked against the caller's tenant in member-service (cached a minute). */
@Component
public class References {

    private final TenantReferences merchants;

    References(MemberClient members, Clock clock) {
        this.merchants = new TenantReferences("Merchant", members::merchant, Duration.ofMinutes(1), clock);
    }

    /** A counter named in the path: 404 when it is not the caller's tenant's (instead of answering with zeros). */
    public long merchantFound(long id) {
        return merchants.requireFound(id);
    }
}
