package com.siyu.common.security;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Service tokens from member-service's token endpoint (OAuth2 client credentials, HTTP Basic), one per
 * tenant, cached until shortly before they expire. The endpoint's address is configuration, not
 * discovery: a rogue instance registered under member-service's name never sees the client secret.
 */
public class ClientCredentialsServiceTokens implements ServiceTokens {

    private static final long NO_TENANT = 0L;

    private record Cached(String token, Instant refreshAfter) {
    }

    private final RestClient http;
    private final String tokenUri;
    private final String basic;
    private final Duration margin;
    private final Clock clock;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    public ClientCredentialsServiceTokens(String tokenUri, String clientId, String clientSecret, Duration margin, Clock clock) {
        if (tokenUri == null || tokenUri.isBlank()) {
            throw new IllegalStateException("siyu.security.token-uri is not set: this service cannot call other services' /internal endpoints");
        }
        if (clientSecret == null || clientSecret.isBlank()) {
            throw new IllegalStateException("siyu.security.client-secret is not set (SIYU_SERVICE_SECRET): this service cannot obtain service tokens");
        }
        SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
        factory.setConnectTimeout(Duration.ofSeconds(2));
        factory.setReadTimeout(Duration.ofSeconds(5));
        this.http = RestClient.builder().requestFactory(factory).build();
        this.tokenUri = tokenUri;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        this.margin = margin;
        this.clock = clock;
    }

    @Override
    public String tokenFor(Long tenantId) {
        long key = tenantId == null ? NO_TENANT : tenantId;
        Cached cached = cache.get(key);
        if (cached != null && clock.instant().isBefore(cached.refreshAfter())) {
            return cached.token();
        }
        Cached fresh = fetch(tenantId);
        cache.put(key, fresh);
        return fresh.token();
    }

    private Cached fetch(Long tenantId) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("scope", TokenClaims.SCOPE_INTERNAL);
        if (tenantId != null) {
            form.add("tenant_id", tenantId.toString());
        }
        try {
            JsonNode body = http.post().uri(tokenUri)
                    .header(HttpHeaders.AUTHORIZATION, basic)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(form)
                    .retrieve()
                    .body(JsonNode.class);
            if (body == null || !body.path("access_token").isTextual()) {
                throw new ServiceTokenUnavailable("The token service answered without a token", null);
            }
            long expiresIn = body.path("expires_in").asLong(60);
            Instant refreshAfter = clock.instant().plusSeconds(expiresIn).minus(margin);
            return new Cached(body.path("access_token").asText(), refreshAfter);
        } catch (RestClientException e) {
            throw new ServiceTokenUnavailable("The token service is unavailable; the call to another service cannot be made now", e);
        }
    }
}
