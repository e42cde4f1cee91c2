package com.siyu.coupon;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What coupon ITs share: member-service as a WireMock stub (one server for the JVM, so the Spring
 * context is shared between IT classes), a fresh tenant per test, and calls as the gateway would make them.
 */
abstract class CouponIT {

    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
    }

    @DynamicPropertySource
    static void memberServiceAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        // tests drive batch resumption themselves; the background rescue would race them for a "crashed" batch
        registry.add("siyu.coupon.batch-rescue-interval", () -> "PT1H");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    /** Raw JDBC (no tenant line) to assert what is really in the tables. */
    @Autowired
    JdbcTemplate jdbc;

    long tenant;
    HttpHeaders operator;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        operator = Http.staff(tenant, 9, "OPERATOR");
        stubDirectory();
    }

    /**
     * member-service's directory as the catch-all answer: every member, store and merchant id is the
     * tenant's, but the "foreign" ones (9xxxxx) are another tenant's (404). Specific stubs win over these.
     */
    static void stubDirectory() {
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/(members|stores|merchants)/\\d+")).atPriority(9)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"id\":1,\"code\":\"X\",\"name\":\"X\"}")));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/(members|stores|merchants)/9\\d{5}")).atPriority(8)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"not this tenant's\"}")));
        tenantZone("Asia/Shanghai");
    }

    /** The zone member-service gives the tenant a request runs as (coupon-service caches it per tenant). */
    static void tenantZone(String zone) {
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/tenants/current")).atPriority(9)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
                        "{\"id\":1,\"code\":\"mall\",\"timeZone\":\"" + zone + "\"}")));
    }

    static Map<String, Object> template(String name, String type, int stock, int perMemberLimit) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("totalStock", stock);
        body.put("perMemberLimit", perMemberLimit);
        body.put("validFrom", "2026-01-01T00:00:00Z");
        body.put("validTo", "2030-01-01T00:00:00Z");
        return body;
    }

    static Map<String, Object> cash(String name, long valueFen, int stock, int perMemberLimit) {
        Map<String, Object> body = template(name, "CASH", stock, perMemberLimit);
        body.put("valueFen", valueFen);
        return body;
    }

    ResponseEntity<String> createTemplate(Map<String, Object> body) {
        return http.exchange("/admin/v1/coupon/templates", HttpMethod.POST, new HttpEntity<>(body, Http.write(operator)), String.class);
    }

    /** Creates the template and activates it; its id. */
    long activeTemplate(Map<String, Object> body) {
        ResponseEntity<String> created = createTemplate(body);
        if (created.getStatusCode().value() != 201) {
            throw new AssertionError(created.getBody());
        }
        long id = read(created).path("id").asLong();
        ResponseEntity<String> active = transition(id, "ACTIVE");
        if (active.getStatusCode().value() != 200) {
            throw new AssertionError(active.getBody());
        }
        return id;
    }

    ResponseEntity<String> transition(long templateId, String to) {
        return http.exchange("/admin/v1/coupon/templates/" + templateId + "/transitions", HttpMethod.POST,
                new HttpEntity<>(Map.of("to", to, "reason", "it " + to), Http.write(operator)), String.class);
    }

    ResponseEntity<String> claim(long member, long templateId, Object body) {
        return http.exchange("/api/v1/coupon/templates/" + templateId + "/claims", HttpMethod.POST,
                new HttpEntity<>(body, Http.write(Http.member(tenant, member))), String.class);
    }

    ResponseEntity<String> grant(long member, long templateId, String source, String key) {
        return http.exchange("/internal/coupon/grants", HttpMethod.POST, new HttpEntity<>(
                Map.of("templateId", templateId, "memberId", member, "source", source, "key", key), internal()), String.class);
    }

    HttpHeaders internal() {
        return Http.internal(tenant);
    }

    JsonNode fetch(String path, HttpHeaders headers) {
        return read(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class));
    }

    String couponStatus(long couponId) {
        return jdbc.queryForObject("select status from coupon where id = ? and tenant_id = ?", String.class, couponId, tenant);
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
