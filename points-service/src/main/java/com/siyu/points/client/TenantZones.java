package com.siyu.points.client;

import com.siyu.common.context.TenantZoneCache;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The time zone of the tenant in context, from member-service, cached ten minutes per tenant. */
@Component
public class TenantZones {

    private final TenantZoneCache cache;

    public TenantZones(MemberClient members, Clock clock) {
        this.cache = new TenantZoneCache(() -> members.currentTenant().timeZone(), Duration.ofMinutes(10), clock);
    }

    public ZoneId zone() {
        return cache.zone();
    }
}
