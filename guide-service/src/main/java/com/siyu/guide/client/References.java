package com.siyu.guide.client;

import com.siyu.common.reference.TenantReferences;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** The ids guide-service's requests name, checked against the caller's tenant in member-service or coupon-service (cached a minute). */
@Component
public class References {

    private final TenantReferences members;
    private final TenantReferences merchants;
    private final TenantReferences couponTemplates;
    private final TenantReferences stores;

    References(MemberClient memberClient, DirectoryClient directory, CouponClient coupons, StoreClient storeClient, Clock clock) {
        this.stores = new TenantReferences("Store", storeClient::store, Duration.ofMinutes(1), clock);
        this.members = new TenantReferences("Member", memberClient::member, Duration.ofMinutes(1), clock);
        this.merchants = new TenantReferences("Merchant", directory::merchant, Duration.ofMinutes(1), clock);
        this.couponTemplates = new TenantReferences("CouponTemplate", coupons::template, Duration.ofMinutes(1), clock);
    }

    /** A store named in a request body: 422 UNKNOWN_STORE when not the caller's tenant's. */
    public Long store(String field, Long id) {
        return stores.require(field, id);
    }

    /** A coupon template named in a request body (null passes): 422 UNKNOWN_COUPONTEMPLATE when not the caller's tenant's. */
    public Long couponTemplate(String field, Long id) {
        return couponTemplates.require(field, id);
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
