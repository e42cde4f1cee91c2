package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.common.test.TestTokens;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * member-service as the token service (issue 10): client credentials for services and the platform
 * operator, the tokens it signs carrying iss/aud/nbf, and its own endpoints verifying them; a
 * suspended tenant's sessions stop renewing.
 */
@ServiceIT
@TestPropertySource(properties = {
        "siyu.token.clients.points-service.secret=it-points-secret",
        "siyu.token.clients.platform-operator.secret=it-platform-secret"
})
class TokenServiceIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    String code;
    long tenant;

    @BeforeEach
    void onboard() {
        code = "tok-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of("code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        tenant = read(created).path("id").asLong();
    }

    @Test
    void aServiceGetsAShortLivedInternalTokenForATenantThatOpensInternalEndpointsOnly() throws Exception {
        ResponseEntity<String> granted = token("points-service", "it-points-secret", "scope=internal&tenant_id=" + tenant);
        assertThat(granted.getStatusCode().value()).as(granted.getBody()).isEqualTo(200);
        assertThat(granted.getHeaders().getCacheControl()).contains("no-store");
        JsonNode body = read(granted);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(body.path("expires_in").asLong()).isBetween(200L, 300L);
        String token = body.path("access_token").asText();
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        assertThat(claims.getStringClaim("typ")).isEqualTo("service");
        assertThat(claims.getStringClaim("scope")).isEqualTo("internal");
        assertThat(claims.getLongClaim("tid")).isEqualTo(tenant);
        assertThat(claims.getIssuer()).isEqualTo("siyu");
        assertThat(claims.getAudience()).containsExactly("siyu");
        assertThat(claims.getNotBeforeTime()).isNotNull();
        assertThat(claims.getSubject()).isEqualTo("client:points-service");

        // member-service verifies its own token: the tenant is the token's
        ResponseEntity<String> current = http.exchange("/internal/tenants/current", HttpMethod.GET, new HttpEntity<>(Http.bearer(token)), String.class);
        assertThat(current.getStatusCode().value()).as(current.getBody()).isEqualTo(200);
        assertThat(read(current).path("code").asText()).isEqualTo(code);
        // ...and it is no platform, staff or shopper credential
        assertThat(http.exchange("/internal/platform/tenants/" + code, HttpMethod.GET, new HttpEntity<>(Http.bearer(token)), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(Http.bearer(token)), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void appSecretsAndSigningKeysAreStoredSealed() {
        String secret = "wx-secret-" + UUID.randomUUID();
        assertThat(http.exchange("/internal/platform/tenants/" + code + "/miniapp", HttpMethod.PUT,
                new HttpEntity<>(Map.of("appId", "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), "secret", secret),
                        Http.platform()), String.class).getStatusCode().value()).isEqualTo(200);
        String stored = jdbc.queryForObject("select miniapp_secret from tenant where id = ?", String.class, tenant);
        assertThat(stored).startsWith("enc:v1:it-1:").doesNotContain(secret);

        ResponseEntity<String> rotated = http.postForEntity("/internal/platform/signing-keys", new HttpEntity<>(Map.of(), Http.platform()), String.class);
        String kid = read(rotated).path("kid").asText();
        String privateDer = jdbc.queryForObject("select private_der from signing_key where kid = ?", String.class, kid);
        assertThat(privateDer).startsWith("enc:v1:it-1:");
        // ...and the new key signs tokens that verify
        ResponseEntity<String> session = http.postForEntity("/api/v1/member/staff-sessions", new HttpEntity<>(
                Map.of("tenantCode", code, "username", "admin", "password", "correct-horse-battery"), Http.json()), String.class);
        assertThat(session.getStatusCode().value()).isEqualTo(201);
        String token = read(session).path("accessToken").asText();
        assertThat(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(Http.bearer(token)), String.class)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void wrongSecretsUnknownClientsAndForeignScopesAreRefused() {
        ResponseEntity<String> wrong = token("points-service", "guess", "scope=internal");
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
        assertThat(read(wrong).path("code").asText()).isEqualTo("INVALID_CLIENT");
        // a client configured without a secret cannot sign in at all
        assertThat(token("coupon-service", "", "scope=internal").getStatusCode().value()).isEqualTo(401);
        assertThat(token("nobody", "x", "scope=internal").getStatusCode().value()).isEqualTo(401);
        ResponseEntity<String> escalate = token("points-service", "it-points-secret", "scope=platform");
        assertThat(escalate.getStatusCode().value()).isEqualTo(403);
        assertThat(read(escalate).path("code").asText()).isEqualTo("INVALID_SCOPE");
        assertThat(read(token("points-service", "it-points-secret", "scope=internal&tenant_id=999999999")).path("code").asText())
                .isEqualTo("UNKNOWN_TENANT");
        ResponseEntity<String> noBasic = http.exchange("/internal/tokens", HttpMethod.POST,
                new HttpEntity<>("grant_type=client_credentials&scope=internal", form()), String.class);
        assertThat(noBasic.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void thePlatformOperatorsTokenOpensPlatformOperationsAndNothingElse() throws Exception {
        ResponseEntity<String> granted = token("platform-operator", "it-platform-secret", "scope=platform");
        assertThat(granted.getStatusCode().value()).as(granted.getBody()).isEqualTo(200);
        String platform = read(granted).path("access_token").asText();
        assertThat(SignedJWT.parse(platform).getJWTClaimsSet().getStringClaim("typ")).isEqualTo("platform");
        ResponseEntity<String> tenantView = http.exchange("/internal/platform/tenants/" + code, HttpMethod.GET,
                new HttpEntity<>(Http.bearer(platform)), String.class);
        assertThat(tenantView.getStatusCode().value()).as(tenantView.getBody()).isEqualTo(200);
        assertThat(tenantView.getBody()).doesNotContain("miniappSecret");
        assertThat(http.exchange("/internal/members/1", HttpMethod.GET, new HttpEntity<>(Http.bearer(platform)), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void expiredNotYetValidAndForeignIssuerOrAudienceTokensAreRefused() {
        Date past = Date.from(Instant.now().minusSeconds(3600));
        for (String token : List.of(
                TestTokens.memberWith(tenant, 1, c -> c.expirationTime(past)),
                TestTokens.memberWith(tenant, 1, c -> c.notBeforeTime(Date.from(Instant.now().plusSeconds(3600)))),
                TestTokens.memberWith(tenant, 1, c -> c.issuer("elsewhere")),
                TestTokens.memberWith(tenant, 1, c -> c.audience("elsewhere")),
                TestTokens.memberWith(tenant, 1, c -> c.audience((String) null)))) {
            ResponseEntity<String> refused = http.exchange("/api/v1/member/me", HttpMethod.GET, new HttpEntity<>(Http.bearer(token)), String.class);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(401);
            assertThat(read(refused).path("code").asText()).isEqualTo("TOKEN_INVALID");
        }
    }

    @Test
    void aSuspendedTenantsRefreshTokensStopWorkingAndItsMiniProgramCannotSignIn() {
        ResponseEntity<String> session = http.postForEntity("/api/v1/member/staff-sessions", new HttpEntity<>(
                Map.of("tenantCode", code, "username", "admin", "password", "correct-horse-battery"), Http.json()), String.class);
        assertThat(session.getStatusCode().value()).isEqualTo(201);
        String refresh = read(session).path("refreshToken").asText();
        assertThat(http.exchange("/internal/platform/tenants/" + code + "/suspension", HttpMethod.POST, new HttpEntity<>(Http.platform()), String.class)
                .getStatusCode().value()).isEqualTo(200);

        ResponseEntity<String> refused = refresh(refresh);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(403);
        assertThat(read(refused).path("code").asText()).isEqualTo("TENANT_SUSPENDED");

        assertThat(http.exchange("/internal/platform/tenants/" + code + "/suspension", HttpMethod.DELETE, new HttpEntity<>(Http.platform()), String.class)
                .getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> renewed = refresh(refresh);
        assertThat(renewed.getStatusCode().value()).as(renewed.getBody()).isEqualTo(201);
    }

    private ResponseEntity<String> refresh(String token) {
        return http.postForEntity("/api/v1/member/token-refreshes", new HttpEntity<>(Map.of("refreshToken", token), Http.json()), String.class);
    }

    private ResponseEntity<String> token(String client, String secret, String params) {
        HttpHeaders headers = form();
        headers.set(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString((client + ":" + secret).getBytes()));
        return http.exchange("/internal/tokens", HttpMethod.POST, new HttpEntity<>("grant_type=client_credentials&" + params, headers), String.class);
    }

    private static HttpHeaders form() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return headers;
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(response.getBody(), e);
        }
    }
}
