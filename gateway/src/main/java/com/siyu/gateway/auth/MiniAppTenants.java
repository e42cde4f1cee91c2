package com.siyu.gateway.auth;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import reactor.core.publisher.Mono;

/**
 * Which tenant a mini-program belongs to, by the app id the client presents on its anonymous login.
 * Answers from member-service are cached for a minute (unknown app ids for a few seconds).
 */
@Component
class MiniAppTenants {

    record MiniAppTenant(long tenantId, boolean active) {
    }

    private record Cached(MiniAppTenant tenant, Instant until) {
    }

    private static final Duration KNOWN_TTL = Duration.ofSeconds(60);
    private static final Duration UNKNOWN_TTL = Duration.ofSeconds(5);

    private final WebClient client;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    MiniAppTenants(WebClient.Builder loadBalanced, Clock clock) {
        this.client = loadBalanced.build();
        this.clock = clock;
    }

    /** Empty when no tenant has this mini-program. */
    Mono<MiniAppTenant> resolve(String appId) {
        Cached cached = cache.get(appId);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return Mono.justOrEmpty(cached.tenant());
        }
        return client.get().uri("http://member-service/internal/tenants/by-miniapp/{appId}", appId)
                .retrieve().bodyToMono(JsonNode.class)
                .timeout(Duration.ofSeconds(3))
                .map(body -> new MiniAppTenant(body.path("id").asLong(), "ACTIVE".equals(body.path("status").asText())))
                .doOnNext(tenant -> cache.put(appId, new Cached(tenant, clock.instant().plus(KNOWN_TTL))))
                .onErrorResume(WebClientResponseException.class, e -> {
                    if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
                        cache.put(appId, new Cached(null, clock.instant().plus(UNKNOWN_TTL)));
                        return Mono.empty();
                    }
                    return Mono.error(e);
                });
    }
}
