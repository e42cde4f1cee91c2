package com.siyu.coupon.client;

import com.siyu.common.context.TenantZoneCache;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/**
 * The time zone of the tenant in context (usable windows and daily claim limits are in mall time),
 * from member-service, cached ten minutes per tenant.
 */
@Component
public class TenantZones {

    private final TenantZoneCache cache;

    public TenantZones(DirectoryClient directory, Clock clock) {
        this.cache = new TenantZoneCache(() -> directory.currentTenant().timeZone(), Duration.ofMinutes(10), clock);
    }

    public ZoneId zone() {
        return cache.zone();
    }
}
