package com.siyu.common.context;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The time zone of the tenant in context, asked of its source (member-service, through the service's
 * own client) at most once per {@code ttl} per tenant. A tenant's zone practically never changes; a
 * stale zone for minutes only shifts one day boundary. A tenant without a zone is in Asia/Shanghai.
 */
public final class TenantZoneCache {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    private final Supplier<String> currentTenantZone;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    /** @param currentTenantZone the zone id of the tenant in context, as member-service stores it */
    public TenantZoneCache(Supplier<String> currentTenantZone, Duration ttl, Clock clock) {
        this.currentTenantZone = currentTenantZone;
        this.ttl = ttl;
        this.clock = clock;
    }

    public ZoneId zone() {
        long tenant = CallerContext.requireTenant();
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.zone();
        }
        ZoneId zone = parse(currentTenantZone.get());
        cache.put(tenant, new Cached(zone, now.plus(ttl)));
        return zone;
    }

    private static ZoneId parse(String zone) {
        try {
            return zone == null || zone.isBlank() ? DEFAULT_ZONE : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("member-service gave the tenant an unknown time zone " + zone, e);
        }
    }

    private record Cached(ZoneId zone, Instant until) {
    }
}
