package com.siyu.points;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import java.util.LinkedHashMap;
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
 * Shared setup of the points ITs: a fresh random tenant per test, member-service as a WireMock stub
 * answering like the real one (members exist, the tenant is in Asia/Shanghai), and HTTP helpers.
 */
abstract class PointsApi {

    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(memberService::stop));
    }

    @DynamicPropertySource
    static void memberServiceAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    long tenant;
    HttpHeaders operator;
    HttpHeaders service;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        operator = Http.staff(tenant, 7, "OPERATOR");
        service = Http.internal(tenant);
        // member-service's directory: every store and merchant is the tenant's, but the "foreign" ones (9xxxxx)
        memberService.stubFor(get(urlPathMatching("/internal/(stores|merchants)/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/(stores|merchants)/9\\d{5}")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"not this tenant's\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1,\"phone\":\"138****8000\",\"stage\":\"REGISTERED\",\"createdAt\":\"2026-01-01T00:00:00Z\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/tenants/current")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1,\"code\":\"mall\",\"name\":\"Mall\",\"miniappAppId\":null,\"timeZone\":\"Asia/Shanghai\",\"status\":\"ACTIVE\"}")));
    }

    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    ResponseEntity<String> post(String path, Object body, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    ResponseEntity<String> put(String path, Object body, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
    }

    JsonNode getJson(String path, HttpHeaders headers) {
        return read(http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class));
    }

    JsonNode ok(ResponseEntity<String> response) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody());
        }
        return read(response);
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody() == null ? "{}" : response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }

    void policy(Object... overrides) {
        Map<String, Object> body = map("redeemPointsPerYuan", 100, "reminderDays", 7, "refundShortfall", "DEBT");
        body.putAll(map(overrides));
        ok(put("/admin/v1/points/policy", body, Http.write(operator)));
    }

    void rate(int milli) {
        ok(post("/admin/v1/points/earn-rules", map("kind", "RATE", "name", "base", "rateMilli", milli), Http.write(operator)));
    }

    ResponseEntity<String> earn(long member, String bizId, long fen, Long store, String paidAt) {
        return post("/internal/points/earnings", map("memberId", member, "bizId", bizId, "amountFen", fen, "storeId", store,
                "paidAt", paidAt), service);
    }

    ResponseEntity<String> spend(long member, long points, String bizId, Long store) {
        return post("/internal/points/spends", map("memberId", member, "points", points, "bizId", bizId, "storeId", store), service);
    }

    ResponseEntity<String> reserve(long member, long points, String bizId, Long store) {
        return post("/internal/points/reservations", map("memberId", member, "points", points, "bizId", bizId, "storeId", store), service);
    }

    JsonNode account(long member) {
        return getJson("/admin/v1/points/accounts/" + member, operator);
    }

    long balance(long member) {
        return account(member).path("balance").asLong();
    }

    JsonNode change(String bizType, String bizId) {
        return getJson("/admin/v1/points/changes/" + bizType + "/" + bizId, operator);
    }

    void assertReconciled() {
        JsonNode reconciliation = getJson("/admin/v1/points/reconciliation", operator);
        if (!reconciliation.path("clean").asBoolean()) {
            throw new AssertionError("reconciliation not clean: " + reconciliation);
        }
    }

    /** A fingerprint of everything the ledger stores for the tenant: accounts, journal, lots, movements, reservations, outbox. */
    String ledgerState() {
        StringBuilder state = new StringBuilder();
        for (String query : new String[] {
                "select member_id, balance, debt from points_account where tenant_id = ? order by id",
                "select id, biz_type, biz_id, delta, debt_delta, balance_after from points_journal where tenant_id = ? order by id",
                "select id, points, remaining, refunded_fen, reversed_points from points_lot where tenant_id = ? order by id",
                "select id, journal_id, lot_id, kind, issuing_store_id, consuming_store_id, points from points_lot_movement where tenant_id = ? order by id",
                "select id, biz_id, status from points_reservation where tenant_id = ? order by id",
                "select type, payload from outbox_event where tenant_id = ? order by id"}) {
            state.append(jdbc.queryForList(query, tenant)).append('\n');
        }
        return state.toString();
    }
}
