package com.siyu.common.reference;

import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

/**
 * One kind of id a request may name (a store, a merchant, a member), checked against the caller's
 * tenant where a command is built: {@code stores.require("storeId", request.storeId())}. The lookup
 * asks the service that owns the id (its Feign client, as the current tenant) and answers 404 for
 * another tenant's or an unknown id; found ids are remembered per tenant for a short time, unknown
 * ones never (an id created a moment ago is found at once).
 */
public final class TenantReferences {

    private record Key(long tenantId, long id) {
    }

    private final String kind;
    private final LongConsumer lookup;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Instant> known = new ConcurrentHashMap<>();

    /**
     * @param kind   what the id names ("Store"), for the problem's detail
     * @param lookup fetches the id from its owner as the current tenant; a 404 from it means "not this tenant's"
     */
    public TenantReferences(String kind, LongConsumer lookup, Duration ttl, Clock clock) {
        this.kind = kind;
        this.lookup = lookup;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** Passes {@code null} (an optional reference) through; refuses an id that is not the caller's tenant's. */
    public Long require(String field, Long id) {
        if (id == null) {
            return null;
        }
        if (!exists(id)) {
            throw new UnknownReference(field, kind, id);
        }
        return id;
    }

    /** For a path id: the same check, answered as 404 (the resource is not there for this caller). */
    public long requireFound(long id) {
        if (!exists(id)) {
            throw new UnknownReference(kind, id);
        }
        return id;
    }

    public boolean exists(long id) {
        Key key = new Key(CallerContext.requireTenant(), id);
        Instant now = clock.instant();
        Instant until = known.get(key);
        if (until != null && until.isAfter(now)) {
            return true;
        }
        try {
            lookup.accept(id);
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).filter(r -> r.status() == 404).isPresent()) {
                known.remove(key);
                return false;
            }
            throw e;
        }
        known.put(key, now.plus(ttl));
        return true;
    }
}
