package com.siyu.guide.client;

import com.siyu.common.context.TenantZoneCache;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.stereotype.Component;

/** The time zone of the tenant in context (leaderboard days, weeks and months are the mall's), cached ten minutes per tenant. */
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
