package com.siyu.points.client;

import com.siyu.common.context.CallerContext;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The time zone of the tenant in context, from member-service, cached for a few minutes (a tenant's
 * zone practically never changes; a stale zone for minutes only shifts a day boundary once).
 */
@Component
public class TenantZones {

    private static final Duration TTL = Duration.ofMinutes(10);

    private final MemberClient members;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public TenantZones(MemberClient members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    public ZoneId zone() {
        long tenant = CallerContext.requireTenant();
        Instant now = clock.instant();
        Cached cached = cache.get(tenant);
        if (cached != null && cached.until().isAfter(now)) {
            return cached.zone();
        }
        ZoneId zone = parse(members.currentTenant().timeZone());
        cache.put(tenant, new Cached(zone, now.plus(TTL)));
        return zone;
    }

    private static ZoneId parse(String zone) {
        try {
            return zone == null || zone.isBlank() ? ZoneId.of("Asia/Shanghai") : ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("member-service gave the tenant an unknown time zone " + zone, e);
        }
    }

    private record Cached(ZoneId zone, Instant until) {
    }
}
