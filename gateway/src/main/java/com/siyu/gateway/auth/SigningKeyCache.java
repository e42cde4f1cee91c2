package com.siyu.gateway.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.siyu.gateway.GatewayProperties;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The token signing keys, fetched from member-service's JWKS at the configured (pinned) URL. Refetched
 * when a token names an unknown key (a rotation), at most every few seconds, and every ten minutes.
 */
@Component
class SigningKeyCache {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyCache.class);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(5);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);

    private final WebClient client;
    private final String jwksUri;
    private final Clock clock;
    private volatile Map<String, RSAKey> keys = Map.of();
    private volatile Instant fetchedAt = Instant.EPOCH;
    private Mono<Map<String, RSAKey>> inFlight;

    SigningKeyCache(GatewayProperties properties, Clock clock) {
        // a plain client: the key location is pinned by configuration, never resolved through discovery
        // (a rogue instance registered as member-service must not be able to serve the gateway its keys)
        this.client = WebClient.builder().build();
        if (properties.jwksUri() == null || properties.jwksUri().isBlank() || properties.jwksUri().startsWith("lb:")
                || !(properties.jwksUri().startsWith("http://") || properties.jwksUri().startsWith("https://"))) {
            throw new IllegalStateException("siyu.gateway.jwks-uri must be a pinned http(s) URL, not " + properties.jwksUri());
        }
        this.jwksUri = properties.jwksUri();
        this.clock = clock;
    }

    Mono<RSAKey> key(String kid) {
        RSAKey known = keys.get(kid);
        Instant now = clock.instant();
        boolean stale = fetchedAt.plus(MAX_AGE).isBefore(now);
        if (known != null && !stale) {
            return Mono.just(known);
        }
        if (known == null && !stale && fetchedAt.plus(MIN_REFETCH).isAfter(now)) {
            return Mono.empty();
        }
        return refetch().flatMap(fresh -> Mono.justOrEmpty(fresh.get(kid)))
                .onErrorResume(e -> {
                    log.warn("Cannot fetch signing keys from {}: {}", jwksUri, e.toString());
                    return Mono.justOrEmpty(known);
                });
    }

    private synchronized Mono<Map<String, RSAKey>> refetch() {
        if (inFlight == null) {
            inFlight = client.get().uri(jwksUri).retrieve().bodyToMono(String.class)
                    .timeout(Duration.ofSeconds(3))
                    .map(SigningKeyCache::parse)
                    .doOnNext(parsed -> {
                        keys = parsed;
                        fetchedAt = clock.instant();
                    })
                    .doFinally(signal -> clearInFlight())
                    .cache();
        }
        return inFlight;
    }

    private synchronized void clearInFlight() {
        inFlight = null;
    }

    private static Map<String, RSAKey> parse(String document) {
        try {
            Map<String, RSAKey> parsed = new HashMap<>();
            for (JWK jwk : JWKSet.parse(document).getKeys()) {
                if (jwk instanceof RSAKey rsa && jwk.getKeyID() != null) {
                    parsed.put(jwk.getKeyID(), rsa);
                }
            }
            return Map.copyOf(parsed);
        } catch (ParseException e) {
            throw new IllegalStateException("JWKS document is not valid: " + e.getMessage(), e);
        }
    }
}
