package com.siyu.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The gateway with its real filters and a real Redis (rate limits), Nacos off: "member-service" and
 * "points-service" are one WireMock that records what the gateway forwarded; "coupon-service" has no
 * instance at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.nacos.discovery.enabled=false",
        "spring.cloud.nacos.config.enabled=false",
        "spring.cloud.service-registry.auto-registration.enabled=false",
        "spring.config.import=",
        "siyu.gateway.rate-limit.replenish-rate=1",
        "siyu.gateway.rate-limit.burst-capacity=3"
})
class GatewayIT {

    static final WireMockServer upstream = new WireMockServer(wireMockConfig().dynamicPort());
    static final RSAKey signingKey;
    static final RSAKey strangerKey;

    static {
        upstream.start();
        try {
            signingKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
            strangerKey = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", upstream::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.points-service[0].uri", upstream::baseUrl);
        registry.add("siyu.gateway.jwks-uri", () -> upstream.baseUrl() + "/internal/jwks");
        // a remembered token's expiry is checked against the clock on every use: a short skew lets a test see it
        registry.add("siyu.gateway.clock-skew", () -> "1s");
    }

    @AfterAll
    static void stop() {
        upstream.stop();
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    @BeforeEach
    void stubs() {
        upstream.resetAll();
        upstream.stubFor(get(urlEqualTo("/internal/jwks")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(new JWKSet(signingKey.toPublicJWK()).toString())));
        upstream.stubFor(any(urlPathEqualTo("/admin/v1/points/accounts/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"balance\":5}")));
        upstream.stubFor(any(urlPathEqualTo("/api/v1/points/balance")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"balance\":5}")));
        upstream.stubFor(any(urlPathEqualTo("/api/v1/member/staff-sessions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"accessToken\":\"x\"}")));
        upstream.stubFor(any(urlPathEqualTo("/api/v1/member/mini-program-sessions")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"accessToken\":\"m\"}")));
    }

    @Test
    void aMiniProgramLoginNeedsAWellFormedAppIdWhichMemberServiceResolves() {
        Reply known = call("POST", "/api/v1/member/mini-program-sessions", null, "X-Miniapp-AppId", "wxknown", "X-Tenant-Id", "5");
        assertThat(known.status).isEqualTo(201);
        upstream.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/v1/member/mini-program-sessions"))
                .withHeader("X-Miniapp-AppId", equalTo("wxknown"))
                .withHeader("X-Tenant-Id", absent()));
        assertThat(call("POST", "/api/v1/member/mini-program-sessions", null).code()).isEqualTo("MINIAPP_APP_ID_REQUIRED");
        assertThat(call("POST", "/api/v1/member/mini-program-sessions", null, "X-Miniapp-AppId", "wx&js_code=1").code())
                .isEqualTo("MINIAPP_APP_ID_REQUIRED");
    }

    @Test
    void theVerifiedTokenTravelsOnAndForgedIdentityHeadersAreDropped() {
        long tenant = uniqueTenant();
        String token = staffToken(tenant, 7, List.of("OPERATOR"), signingKey, Instant.now().plusSeconds(600));
        Reply reply = call("GET", "/admin/v1/points/accounts/1", token,
                "X-Tenant-Id", "999", "X-Member-Id", "5", "X-Staff-Roles", "TENANT_ADMIN");
        assertThat(reply.status).isEqualTo(200);
        upstream.verify(getRequestedFor(urlEqualTo("/admin/v1/points/accounts/1"))
                .withHeader(HttpHeaders.AUTHORIZATION, equalTo("Bearer " + token))
                .withHeader("X-Tenant-Id", absent())
                .withHeader("X-Staff-Roles", absent())
                .withHeader("X-Member-Id", absent()));
    }

    @Test
    void issuerAudienceAndNotBeforeAreAlwaysChecked() {
        long tenant = uniqueTenant();
        Instant later = Instant.now().plusSeconds(600);
        Reply otherIssuer = call("GET", "/admin/v1/points/accounts/1", token(tenant, key -> key.issuer("someone-else"), later));
        assertThat(otherIssuer.status).isEqualTo(401);
        assertThat(otherIssuer.body.path("detail").asText()).contains("issued");
        Reply noAudience = call("GET", "/admin/v1/points/accounts/1", token(tenant, key -> key.audience((String) null), later));
        assertThat(noAudience.status).isEqualTo(401);
        assertThat(noAudience.body.path("detail").asText()).contains("audience");
        Reply otherAudience = call("GET", "/admin/v1/points/accounts/1", token(tenant, key -> key.audience("elsewhere"), later));
        assertThat(otherAudience.status).isEqualTo(401);
        Reply notYet = call("GET", "/admin/v1/points/accounts/1", token(tenant, key -> key.notBeforeTime(Date.from(Instant.now().plusSeconds(600))), later));
        assertThat(notYet.status).isEqualTo(401);
        assertThat(notYet.body.path("detail").asText()).contains("not valid yet");
        upstream.verify(0, anyRequestedFor(urlPathEqualTo("/admin/v1/points/accounts/1")));
    }

    @Test
    void aTokenVerifiedOnceIsRememberedOnlyUntilItExpires() throws Exception {
        long tenant = uniqueTenant();
        Instant expiry = Instant.now().plusSeconds(2);
        String token = staffToken(tenant, 7, List.of("OPERATOR"), signingKey, expiry);
        assertThat(call("GET", "/admin/v1/points/accounts/1", token).status).isEqualTo(200);
        assertThat(call("GET", "/admin/v1/points/accounts/1", token).status).isEqualTo(200);
        // the same claims signed by another key are not the remembered token: verified, and refused
        String forged = staffToken(tenant, 7, List.of("OPERATOR"), strangerKey, expiry);
        assertThat(call("GET", "/admin/v1/points/accounts/1", forged).body.path("detail").asText()).contains("signature");
        Thread.sleep(java.time.Duration.between(Instant.now(), expiry.plusMillis(1_500)).toMillis());
        Reply late = call("GET", "/admin/v1/points/accounts/1", token);
        assertThat(late.status).isEqualTo(401);
        assertThat(late.body.path("detail").asText()).contains("expired");
        upstream.verify(2, getRequestedFor(urlEqualTo("/admin/v1/points/accounts/1")));
    }

    @Test
    void tokensThatCannotBeTrustedAreRefusedBeforeRouting() {
        long tenant = uniqueTenant();
        assertThat(call("GET", "/admin/v1/points/accounts/1", null).code()).isEqualTo("TOKEN_REQUIRED");
        assertThat(call("GET", "/admin/v1/points/accounts/1", "garbage").code()).isEqualTo("TOKEN_INVALID");
        Reply expired = call("GET", "/admin/v1/points/accounts/1", staffToken(tenant, 7, List.of("OPERATOR"), signingKey, Instant.now().minusSeconds(120)));
        assertThat(expired.status).isEqualTo(401);
        assertThat(expired.body.path("detail").asText()).contains("expired");
        Reply forged = call("GET", "/admin/v1/points/accounts/1", staffToken(tenant, 7, List.of("OPERATOR"), strangerKey, Instant.now().plusSeconds(600)));
        assertThat(forged.status).isEqualTo(401);
        assertThat(forged.body.path("detail").asText()).contains("signature");
        Reply noRole = call("GET", "/admin/v1/points/accounts/1", staffToken(tenant, 7, List.of(), signingKey, Instant.now().plusSeconds(600)));
        assertThat(noRole.status).isEqualTo(403);
        Reply staffOnShopperPath = call("GET", "/api/v1/points/balance", staffToken(tenant, 7, List.of("OPERATOR"), signingKey, Instant.now().plusSeconds(600)));
        assertThat(staffOnShopperPath.code()).isEqualTo("MEMBER_TOKEN_REQUIRED");
        upstream.verify(0, anyRequestedFor(urlPathEqualTo("/admin/v1/points/accounts/1")));
    }

    @Test
    void signInIsAnonymousAndInternalPathsAreNeverRouted() {
        assertThat(call("POST", "/api/v1/member/staff-sessions", null).status).isEqualTo(201);
        Reply internal = call("GET", "/internal/jwks", null);
        assertThat(internal.status).isEqualTo(404);
        assertThat(internal.code()).isEqualTo("NOT_FOUND");
        assertThat(call("GET", "/internal/members/1", staffToken(uniqueTenant(), 7, List.of("OPERATOR"), signingKey,
                Instant.now().plusSeconds(600))).status).isEqualTo(404);
        upstream.verify(0, anyRequestedFor(urlPathEqualTo("/internal/members/1")));
    }

    @Test
    void requestsNettyCannotDecodeAreProblemsToo() throws Exception {
        String longUri = raw("GET /api/v1/points/balance?q=" + "x".repeat(6000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(longUri).startsWith("HTTP/1.1 414");
        assertThat(longUri.toLowerCase()).contains("content-type: application/problem+json").contains("\"code\":\"uri_too_long\"".toLowerCase());
        String bigHeaders = raw("GET /api/v1/points/balance HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "y".repeat(10_000) + "\r\n\r\n");
        assertThat(bigHeaders).startsWith("HTTP/1.1 431");
        assertThat(bigHeaders).contains("HEADERS_TOO_LARGE");
    }

    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            return read <= 0 ? "" : new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRefusedCrossOriginRequestIsAProblem() {
        Reply refused = call("GET", "/api/v1/points/balance", null, "Origin", "https://evil.example");
        assertThat(refused.status).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("CORS_REJECTED");
        upstream.verify(0, anyRequestedFor(urlPathEqualTo("/api/v1/points/balance")));
    }

    @Test
    void aServiceWithNoInstanceIsAProblemNotAHang() {
        Reply reply = call("GET", "/admin/v1/coupon/templates", staffToken(uniqueTenant(), 7, List.of("OPERATOR"), signingKey,
                Instant.now().plusSeconds(600)));
        assertThat(reply.status).isEqualTo(503);
        assertThat(reply.code()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void eachTenantAndClientHasItsOwnRateLimit() {
        long tenant = uniqueTenant();
        String busy = staffToken(tenant, 7, List.of("OPERATOR"), signingKey, Instant.now().plusSeconds(600));
        // twelve requests at once against a budget of 3 (+1 per second): most must be refused
        List<Integer> statuses = reactor.core.publisher.Flux.range(0, 12)
                .flatMap(i -> reactor.core.publisher.Mono.fromCallable(() -> call("GET", "/admin/v1/points/accounts/1", busy).status)
                        .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()), 12)
                .collectList().block();
        long ok = statuses.stream().filter(s -> s == 200).count();
        long limited = statuses.stream().filter(s -> s == 429).count();
        assertThat(ok + limited).as(statuses.toString()).isEqualTo(12);
        assertThat(ok).as(statuses.toString()).isBetween(3L, 6L);
        String otherClient = staffToken(tenant, 8, List.of("OPERATOR"), signingKey, Instant.now().plusSeconds(600));
        assertThat(call("GET", "/admin/v1/points/accounts/1", otherClient).status).isEqualTo(200);
    }

    private record Reply(int status, JsonNode body) {
        String code() {
            return body == null ? null : body.path("code").asText(null);
        }
    }

    private Reply call(String method, String path, String token, String... headers) {
        WebClient.RequestBodySpec request = WebClient.create("http://127.0.0.1:" + port)
                .method(org.springframework.http.HttpMethod.valueOf(method)).uri(path);
        if (token != null) {
            request.header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return request.exchangeToMono(response -> response.bodyToMono(String.class).defaultIfEmpty("")
                .map(body -> new Reply(response.statusCode().value(), parse(body)))).block();
    }

    private JsonNode parse(String body) {
        try {
            return body.isBlank() ? null : json.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static long uniqueTenant() {
        return Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
    }

    private static String token(long tenant, java.util.function.Consumer<JWTClaimsSet.Builder> change, Instant expiry) {
        return signed(signingKey, claims(tenant, 7, List.of("OPERATOR"), expiry, change));
    }

    private static String staffToken(long tenant, long staff, List<String> roles, RSAKey key, Instant expiry) {
        return signed(key, claims(tenant, staff, roles, expiry, claims -> {
        }));
    }

    private static JWTClaimsSet claims(long tenant, long staff, List<String> roles, Instant expiry,
                                       java.util.function.Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer("siyu").audience("siyu").subject("staff:" + staff).claim("typ", "staff")
                .claim("tid", tenant).claim("sid", staff).claim("roles", roles)
                .issueTime(new Date()).notBeforeTime(new Date()).expirationTime(Date.from(expiry));
        change.accept(claims);
        return claims.build();
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
