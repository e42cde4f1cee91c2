package com.siyu.payment.client;

import com.siyu.common.context.CallerContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The caller's tenant's mini-program app id, from member-service, remembered a minute per tenant. */
@Component
public class TenantMiniApps {

    private record Cached(Optional<String> appId, Instant until) {
    }

    private static final Duration TTL = Duration.ofMinutes(1);

    private final MemberClient members;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    TenantMiniApps(MemberClient members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    /** Empty when the tenant has no mini-program. */
    public Optional<String> current() {
        long tenant = CallerContext.requireTenant();
        Cached cached = cache.get(tenant);
        Instant now = clock.instant();
        if (cached != null && cached.until().isAfter(now)) {
            return cached.appId();
        }
        Optional<String> appId = Optional.ofNullable(members.currentTenant().miniappAppId()).filter(id -> !id.isBlank());
        cache.put(tenant, new Cached(appId, now.plus(TTL)));
        return appId;
    }
}
