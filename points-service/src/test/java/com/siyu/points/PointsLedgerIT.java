package com.siyu.points;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The ledger against the real MariaDB; member-service is a WireMock stub answering like the real one. */
@ServiceIT
class PointsLedgerIT {

    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
    }

    @DynamicPropertySource
    static void memberServiceAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
    }

    @AfterAll
    static void stop() {
        memberService.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    long tenant;
    HttpHeaders operator;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        operator = Http.staff(tenant, 7, "OPERATOR");
        memberService.resetAll();
        // member-service's directory: every store and merchant is the tenant's, but the "foreign" ones (9xxxxx)
        memberService.stubFor(get(urlPathMatching("/internal/(stores|merchants)/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/(stores|merchants)/9\\d{5}")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"not this tenant's\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":1,\"phone\":\"138****8000\",\"stage\":\"REGISTERED\",\"createdAt\":\"2026-01-01T00:00:00Z\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/404\\d*")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"Member 404 does not exist\"}")));
    }

    @Test
    void anAdjustmentCreditsTheAccountAndWritesTheJournal() {
        ResponseEntity<String> granted = adjust(11, 500, "welcome");
        assertThat(granted.getStatusCode().value()).as(granted.getBody()).isEqualTo(201);
        assertThat(read(granted).path("balanceAfter").asLong()).isEqualTo(500);
        ResponseEntity<String> debited = adjust(11, -120, "correction");
        assertThat(read(debited).path("balanceAfter").asLong()).isEqualTo(380);

        JsonNode account = account(11);
        assertThat(account.path("balance").asLong()).isEqualTo(380);
        assertThat(account.path("recent").findValues("delta").stream().map(JsonNode::asLong).toList()).containsExactly(-120L, 500L);
        assertThat(reconciliation().path("clean").asBoolean()).isTrue();
    }

    @Test
    void idsOfAnotherTenantAreRefusedWhereTheCommandIsBuiltAndReadsOfThemAreNotFound() {
        ResponseEntity<String> foreignStore = http.exchange("/admin/v1/points/adjustments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 11, "points", 50, "reason", "x", "storeId", 900_001), Http.write(operator)), String.class);
        assertThat(foreignStore.getStatusCode().value()).as(foreignStore.getBody()).isEqualTo(422);
        assertThat(read(foreignStore).path("code").asText()).isEqualTo("UNKNOWN_STORE");
        assertThat(read(foreignStore).path("errors").get(0).path("field").asText()).isEqualTo("storeId");
        ResponseEntity<String> foreignMerchant = http.exchange("/admin/v1/points/earn-rules", HttpMethod.POST, new HttpEntity<>(
                Map.of("kind", "RATE", "name", "x", "merchantId", 900_002, "rateMilli", 1000), Http.write(operator)), String.class);
        assertThat(read(foreignMerchant).path("code").asText()).isEqualTo("UNKNOWN_MERCHANT");
        ResponseEntity<String> foreignParking = http.exchange("/admin/v1/points/policy", HttpMethod.PUT, new HttpEntity<>(
                Map.of("redeemPointsPerYuan", 100, "reminderDays", 7, "refundShortfall", "DEBT", "parkingPointsPerHour", 50,
                        "parkingStoreId", 900_003), Http.write(operator)), String.class);
        assertThat(read(foreignParking).path("code").asText()).as(foreignParking.getBody()).isEqualTo("UNKNOWN_STORE");
        ResponseEntity<String> spendAtNowhere = http.exchange("/internal/points/spends", HttpMethod.POST, new HttpEntity<>(
                Map.of("memberId", 11, "points", 1, "bizId", "pay-" + UUID.randomUUID(), "storeId", 900_004), Http.internal(tenant)), String.class);
        assertThat(read(spendAtNowhere).path("code").asText()).isEqualTo("UNKNOWN_STORE");
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ?", Long.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_earn_rule where tenant_id = ?", Long.class, tenant)).isZero();

        ResponseEntity<String> foreignSettlement = http.exchange("/admin/v1/points/settlement?storeId=900005&from=2026-01-01&to=2026-02-01",
                HttpMethod.GET, new HttpEntity<>(operator), String.class);
        assertThat(read(foreignSettlement).path("code").asText()).as(foreignSettlement.getBody()).isEqualTo("UNKNOWN_STORE");
        ResponseEntity<String> unknownAccount = http.exchange("/admin/v1/points/accounts/4040", HttpMethod.GET, new HttpEntity<>(operator), String.class);
        assertThat(unknownAccount.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void looseJsonIsRefusedNamingTheFieldAndChangesNothing() {
        adjust(1, 100, "before");
        java.util.Map<String, String> bodies = new java.util.LinkedHashMap<>();
        bodies.put("{\"memberId\":1,\"points\":5,\"reason\":\"x\"}}xyz", null);
        bodies.put("{\"memberId\":1,\"points\":5,\"reason\":\"x\"} {}", null);
        bodies.put("{\"memberId\":1,\"points\":5,\"memberId\":2,\"reason\":\"x\"}", "memberId");
        bodies.put("{\"memberId\":1,\"points\":5,\"reason\":\"x\",\"reason\":\"y\"}", "reason");
        bodies.put("{\"memberId\":\"1\",\"points\":5,\"reason\":\"x\"}", "memberId");
        bodies.put("{\"memberId\":1.5,\"points\":5,\"reason\":\"x\"}", "memberId");
        bodies.put("{\"memberId\":1,\"points\":\"5\",\"reason\":\"x\"}", "points");
        bodies.put("{\"memberId\":1,\"points\":5.5,\"reason\":\"x\"}", "points");
        bodies.put("{\"memberId\":1,\"points\":5,\"reason\":12}", "reason");
        bodies.put("{\"memberId\":1,\"points\":5,\"reason\":\"x\\ud800\"}", "reason");
        long journalBefore = jdbc.queryForObject("select count(*) from points_journal where tenant_id = ?", Long.class, tenant);
        for (var body : bodies.entrySet()) {
            ResponseEntity<String> refused = http.exchange("/admin/v1/points/adjustments", HttpMethod.POST,
                    new HttpEntity<>(body.getKey(), Http.write(operator)), String.class);
            assertThat(refused.getStatusCode().value()).as(body.getKey() + " → " + refused.getBody()).isEqualTo(400);
            assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
            JsonNode problem = read(refused);
            assertThat(problem.path("code").asText()).isEqualTo("MALFORMED_REQUEST");
            if (body.getValue() != null) {
                assertThat(problem.path("errors").get(0).path("field").asText()).as(body.getKey()).isEqualTo(body.getValue());
                assertThat(problem.path("detail").asText()).contains(body.getValue());
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ?", Long.class, tenant)).isEqualTo(journalBefore);
        assertThat(account(1).path("balance").asLong()).isEqualTo(100);
        assertThat(account(2).path("balance").asLong()).isZero();
    }

    @Test
    void twoHundredConcurrentSpendsNeverOverdraw() throws Exception {
        adjust(21, 1000, "budget");
        int threads = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<Future<ResponseEntity<String>>> spends = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String bizId = "pay-" + UUID.randomUUID();
            spends.add(pool.submit(() -> {
                start.await();
                return spend(21, 7, bizId);
            }));
        }
        start.countDown();
        int ok = 0;
        int insufficient = 0;
        for (Future<ResponseEntity<String>> spend : spends) {
            ResponseEntity<String> response = spend.get();
            if (response.getStatusCode().value() == 200) {
                ok++;
            } else {
                assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
                assertThat(read(response).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");
                insufficient++;
            }
        }
        pool.shutdown();
        assertThat(ok).isEqualTo(1000 / 7);
        assertThat(insufficient).isEqualTo(threads - 1000 / 7);
        assertThat(account(21).path("balance").asLong()).isEqualTo(1000 % 7);
        assertThat(reconciliation().path("clean").asBoolean()).isTrue();
    }

    @Test
    void theSameSpendDeliveredManyTimesAppliesOnce() throws Exception {
        adjust(31, 100, "budget");
        String bizId = "pay-" + UUID.randomUUID();
        ResponseEntity<String> first = spend(31, 40, bizId);
        ResponseEntity<String> again = spend(31, 40, bizId);
        assertThat(read(again).path("id").asLong()).isEqualTo(read(first).path("id").asLong());

        String racing = "pay-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ResponseEntity<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return spend(31, 10, racing);
            }));
        }
        start.countDown();
        java.util.Set<Long> journalIds = new java.util.HashSet<>();
        for (Future<ResponseEntity<String>> delivery : deliveries) {
            ResponseEntity<String> response = delivery.get();
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            journalIds.add(read(response).path("id").asLong());
        }
        pool.shutdown();
        assertThat(journalIds).hasSize(1);
        assertThat(account(31).path("balance").asLong()).isEqualTo(50);
        assertThat(reconciliation().path("clean").asBoolean()).isTrue();
    }

    @Test
    void aSpendBeyondTheBalanceChangesNothing() {
        adjust(41, 30, "budget");
        ResponseEntity<String> tooMuch = spend(41, 31, "pay-" + UUID.randomUUID());
        assertThat(tooMuch.getStatusCode().value()).isEqualTo(409);
        assertThat(read(tooMuch).path("available").asLong()).isEqualTo(30);
        assertThat(account(41).path("recent").size()).isEqualTo(1);
        ResponseEntity<String> noAccount = spend(42, 1, "pay-" + UUID.randomUUID());
        assertThat(noAccount.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void anotherTenantSeesNothingAndSpendsNothing() {
        adjust(51, 200, "budget");
        HttpHeaders otherTenant = Http.staff(tenant + 1, 7, "OPERATOR");
        ResponseEntity<String> seen = http.exchange("/admin/v1/points/accounts/51", HttpMethod.GET, new HttpEntity<>(otherTenant), String.class);
        assertThat(read(seen).path("balance").asLong()).isZero();
        assertThat(read(seen).path("recent").size()).isZero();
        ResponseEntity<String> spent = http.exchange("/internal/points/spends", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 51, "points", 10, "bizId", "x-" + UUID.randomUUID()), Http.internal(tenant + 1)), String.class);
        assertThat(spent.getStatusCode().value()).isEqualTo(409);
        assertThat(account(51).path("balance").asLong()).isEqualTo(200);
    }

    @Test
    void unknownMembersAndBadInputAreProblems() {
        ResponseEntity<String> unknown = adjust(4040, 10, "x");
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(read(unknown).path("code").asText()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(read(unknown).path("errors").get(0).path("field").asText()).isEqualTo("memberId");

        ResponseEntity<String> zero = adjust(11, 0, "nothing");
        assertThat(zero.getStatusCode().value()).isEqualTo(400);

        ResponseEntity<String> noReason = http.exchange("/admin/v1/points/adjustments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 11, "points", 5), Http.write(operator)), String.class);
        assertThat(noReason.getStatusCode().value()).isEqualTo(400);
        assertThat(read(noReason).path("errors").findValuesAsText("field")).containsExactly("reason");

        ResponseEntity<String> cashier = http.exchange("/admin/v1/points/adjustments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 11, "points", 5, "reason", "x"), Http.write(Http.staff(tenant, 8, "CASHIER"))), String.class);
        assertThat(cashier.getStatusCode().value()).isEqualTo(403);

        ResponseEntity<String> noTenant = http.exchange("/internal/points/spends", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 11, "points", 5, "bizId", "y"), Http.bearer(com.siyu.common.test.TestTokens.service(null))), String.class);
        assertThat(noTenant.getStatusCode().value()).isEqualTo(401);
        assertThat(read(noTenant).path("code").asText()).isEqualTo("TENANT_REQUIRED");
        ResponseEntity<String> noToken = http.exchange("/internal/points/spends", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 11, "points", 5, "bizId", "y"), Http.json()), String.class);
        assertThat(noToken.getStatusCode().value()).isEqualTo(401);
        assertThat(read(noToken).path("code").asText()).isEqualTo("TOKEN_REQUIRED");
    }

    private ResponseEntity<String> adjust(long member, long points, String reason) {
        return http.exchange("/admin/v1/points/adjustments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", member, "points", points, "reason", reason), Http.write(operator)), String.class);
    }

    private ResponseEntity<String> spend(long member, long points, String bizId) {
        return http.exchange("/internal/points/spends", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", member, "points", points, "bizId", bizId), Http.internal(tenant)), String.class);
    }

    private JsonNode account(long member) {
        return read(http.exchange("/admin/v1/points/accounts/" + member, HttpMethod.GET, new HttpEntity<>(operator), String.class));
    }

    private JsonNode reconciliation() {
        return read(http.exchange("/admin/v1/points/reconciliation", HttpMethod.GET, new HttpEntity<>(operator), String.class));
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
