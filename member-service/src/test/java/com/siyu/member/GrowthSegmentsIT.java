package com.siyu.member;

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

/** Growth and tiers, tags and segments, the 360 profile, counters and staff — against the real database. */
@ServiceIT
class GrowthSegmentsIT {

    static final WireMockServer pointsService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        pointsService.start();
    }

    @DynamicPropertySource
    static void pointsAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.points-service[0].uri", pointsService::baseUrl);
    }

    @AfterAll
    static void stop() {
        pointsService.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    long tenant;
    String code;
    long storeA;
    long storeB;
    HttpHeaders admin;

    @BeforeEach
    void onboard() {
        code = "gs-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of(
                "code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A"), Map.of("code", "B", "name", "Store B")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()), String.class);
        tenant = read(created).path("id").asLong();
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        JsonNode stores = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        storeA = stores.get(0).path("id").asLong();
        storeB = stores.get(1).path("id").asLong();
        put("/admin/v1/member/tiers", List.of(Map.of("code", "SILVER", "name", "银卡", "minGrowth", 100),
                Map.of("code", "GOLD", "name", "金卡", "minGrowth", 1000)));
        pointsService.resetAll();
    }

    @Test
    void growthUpgradesAtOnceCountsEachPaymentOnceAndTheEvaluationDowngrades() {
        long member = register("13600000001");
        JsonNode first = post("/internal/members/" + member + "/growth", Map.of("bizId", "pay-1", "spendFen", 95_000, "storeId", storeA,
                "category", "apparel", "occurredAt", "2026-01-10T10:00:00Z"));
        assertThat(first.path("growth").asLong()).isEqualTo(950 + 10);
        assertThat(first.path("tier").asText()).isEqualTo("SILVER");
        JsonNode again = post("/internal/members/" + member + "/growth", Map.of("bizId", "pay-1", "spendFen", 95_000, "storeId", storeA));
        assertThat(again.path("applied").asBoolean()).isFalse();
        assertThat(again.path("growth").asLong()).isEqualTo(960);
        JsonNode second = post("/internal/members/" + member + "/growth", Map.of("bizId", "pay-2", "spendFen", 5_000, "storeId", storeB,
                "category", "food", "occurredAt", "2026-01-11T10:00:00Z"));
        assertThat(second.path("tier").asText()).isEqualTo("GOLD");

        // a year and more later with no purchases the tier earned in the window is none
        JsonNode evaluation = post("/internal/tiers/evaluations?asOf=2027-06-01T00:00:00Z", Map.of());
        assertThat(evaluation.path("changed").asInt()).isEqualTo(1);
        assertThat(getJson("/admin/v1/member/members/" + member).path("tier").isMissingNode()).isTrue();
    }

    @Test
    void segmentsSelectOnStageTierSpendTagsStoresAndCategories() {
        long big = register("13600000011");
        long small = register("13600000012");
        long tagged = register("13600000013");
        post("/internal/members/" + big + "/growth", Map.of("bizId", "b1", "spendFen", 200_000, "storeId", storeA, "category", "jewelry"));
        post("/internal/members/" + small + "/growth", Map.of("bizId", "s1", "spendFen", 3_000, "storeId", storeB, "category", "food"));
        post("/admin/v1/member/members/" + tagged + "/tags", Map.of("name", "VIP-客户"));

        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "totalSpendFen", "op", "gte", "value", 100_000))))).containsExactly(big);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "tier", "op", "in", "value", List.of("SILVER", "GOLD")))))).containsExactly(big);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "tag", "op", "eq", "value", "VIP-客户"))))).containsExactly(tagged);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "store", "op", "eq", "value", storeB))))).containsExactly(small);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "category", "op", "eq", "value", "jewelry"))))).containsExactly(big);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "stage", "op", "eq", "value", "REGISTERED"),
                Map.of("field", "lastVisitDays", "op", "gte", "value", 30))))).containsExactly(tagged);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "visits", "op", "gte", "value", 0))))).containsExactly(big, small, tagged);

        ResponseEntity<String> injection = http.exchange("/admin/v1/member/segments", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x",
                "rule", Map.of("all", List.of(Map.of("field", "stage; drop table member", "op", "eq", "value", "x")))), Http.write(admin)), String.class);
        assertThat(injection.getStatusCode().value()).isEqualTo(400);
        assertThat(read(injection).path("code").asText()).isEqualTo("SEGMENT_RULE_INVALID");
        ResponseEntity<String> badOp = http.exchange("/admin/v1/member/segments", HttpMethod.POST, new HttpEntity<>(Map.of("name", "y",
                "rule", Map.of("all", List.of(Map.of("field", "stage", "op", "gte", "value", "x")))), Http.write(admin)), String.class);
        assertThat(badOp.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void birthdaysAreTheMallsLocalDayAndDormancyIsMetOnTheDayItStarts() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        long birthdayToday = register("13600000021");
        long birthdayNextWeek = register("13600000022");
        long crossedThirty = register("13600000023");
        long longGone = register("13600000024");
        put("/admin/v1/member/members/" + birthdayToday + "/birthday", Map.of("birthday", birthYear(today, 1990).toString()));
        put("/admin/v1/member/members/" + birthdayNextWeek + "/birthday", Map.of("birthday", birthYear(today.plusDays(7), 1985).toString()));
        java.time.Instant now = java.time.Instant.now();
        post("/internal/members/" + crossedThirty + "/growth", Map.of("bizId", "v30", "spendFen", 1_000, "storeId", storeA,
                "occurredAt", now.minus(java.time.Duration.ofDays(30)).minus(java.time.Duration.ofHours(3)).toString()));
        post("/internal/members/" + longGone + "/growth", Map.of("bizId", "v90", "spendFen", 1_000, "storeId", storeA,
                "occurredAt", now.minus(java.time.Duration.ofDays(90)).toString()));

        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", 0))))).containsExactly(birthdayToday);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", 7))))).containsExactly(birthdayNextWeek);
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "lastVisitDays", "op", "eq", "value", 30))))).containsExactly(crossedThirty);
        // gte keeps its meaning: everyone not seen for 30 days, never seen included
        assertThat(segmentMembers(Map.of("all", List.of(Map.of("field", "lastVisitDays", "op", "gte", "value", 30)))))
                .containsExactlyInAnyOrder(birthdayToday, birthdayNextWeek, crossedThirty, longGone);
        // a preset's segment (touchpoint): the same name and rule are the same segment, another rule under the name is refused
        Map<String, Object> birthdayRule = Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", 0)));
        long first = post("/internal/segments/ensure", Map.of("name", "preset:BIRTHDAY:0", "rule", birthdayRule)).path("id").asLong();
        assertThat(post("/internal/segments/ensure", Map.of("name", "preset:BIRTHDAY:0", "rule", birthdayRule)).path("id").asLong()).isEqualTo(first);
        ResponseEntity<String> otherRule = http.exchange("/internal/segments/ensure", HttpMethod.POST, new HttpEntity<>(Map.of("name", "preset:BIRTHDAY:0",
                "rule", Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", 1)))), Http.write(Http.internal(tenant))), String.class);
        assertThat(otherRule.getStatusCode().value()).isEqualTo(409);
        assertThat(read(otherRule).path("code").asText()).isEqualTo("SEGMENT_NAME_TAKEN");
        assertThat(longs(getJson("/admin/v1/member/segments/" + first + "/members"))).containsExactly(birthdayToday);

        ResponseEntity<String> ahead = http.exchange("/admin/v1/member/segments", HttpMethod.POST, new HttpEntity<>(Map.of("name", "far",
                "rule", Map.of("all", List.of(Map.of("field", "birthdayInDays", "op", "eq", "value", 40)))), Http.write(admin)), String.class);
        assertThat(ahead.getStatusCode().value()).isEqualTo(400);
        assertThat(read(ahead).path("detail").asText()).contains("birthdayInDays");
    }

    /** The same month and day in an earlier year (29 February moves to a leap year). */
    private static java.time.LocalDate birthYear(java.time.LocalDate day, int year) {
        return day.getMonthValue() == 2 && day.getDayOfMonth() == 29 ? day.withYear(1988) : day.withYear(year);
    }

    @Test
    void segmentsPageThroughLargeSetsAndStayInsideTheTenant() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(register("1350000000" + i));
        }
        long id = read(http.exchange("/admin/v1/member/segments", HttpMethod.POST, new HttpEntity<>(Map.of("name", "all",
                "rule", Map.of("all", List.of(Map.of("field", "stage", "op", "eq", "value", "REGISTERED")))), Http.write(admin)), String.class))
                .path("id").asLong();
        assertThat(getJson("/admin/v1/member/segments/" + id).path("count").asLong()).isEqualTo(7);
        JsonNode page1 = getJson("/admin/v1/member/segments/" + id + "/members?size=4");
        JsonNode page2 = getJson("/admin/v1/member/segments/" + id + "/members?size=4&after=" + page1.path("next").asLong());
        List<Long> all = new ArrayList<>(longs(page1));
        all.addAll(longs(page2));
        assertThat(all).containsExactlyElementsOf(ids);
        assertThat(page2.path("next").asLong()).isEqualTo(-1);
        HttpHeaders otherTenant = Http.staff(tenant + 500_000, 1, "TENANT_ADMIN");
        assertThat(http.exchange("/admin/v1/member/segments/" + id, HttpMethod.GET, new HttpEntity<>(otherTenant), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theProfileShowsSpendTagsAndPointsAndSurvivesPointsBeingDown() {
        long member = register("13600000021");
        post("/internal/members/" + member + "/growth", Map.of("bizId", "p1", "spendFen", 12_000, "storeId", storeA, "category", "food"));
        post("/internal/members/" + member + "/growth", Map.of("bizId", "p2", "spendFen", 30_000, "storeId", storeB, "category", "apparel"));
        post("/admin/v1/member/members/" + member + "/tags", Map.of("name", "爱吃"));
        pointsService.stubFor(get(urlPathMatching("/internal/points/accounts/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"memberId\":" + member + ",\"balance\":345}")));
        JsonNode profile = getJson("/admin/v1/member/members/" + member + "/profile");
        assertThat(profile.path("pointsBalance").asLong()).isEqualTo(345);
        assertThat(profile.path("spendByCategoryFen").path("apparel").asLong()).isEqualTo(30_000);
        assertThat(profile.path("spendByStoreFen").path(Long.toString(storeA)).asLong()).isEqualTo(12_000);
        assertThat(profile.path("tags").get(0).path("name").asText()).isEqualTo("爱吃");
        assertThat(profile.path("tags").get(0).path("kind").asText()).isEqualTo("MANUAL");
        assertThat(profile.path("member").path("growth").asLong()).isEqualTo(120 + 10 + 300 + 10);

        pointsService.resetAll();
        pointsService.stubFor(get(urlPathMatching("/internal/points/accounts/\\d+")).willReturn(aResponse().withStatus(503)));
        JsonNode degraded = getJson("/admin/v1/member/members/" + member + "/profile");
        assertThat(degraded.has("pointsBalance")).isFalse();
        assertThat(degraded.path("member").path("id").asLong()).isEqualTo(member);
    }

    @Test
    void countersAreResolvedFromTheirCashierCodeOnlyInsideTheTenant() {
        JsonNode merchant = post("/admin/v1/member/stores/" + storeA + "/merchants",
                Map.of("code", "NIKE", "brand", "Nike", "category", "sports", "cashierQrId", "qr-" + code));
        ResponseEntity<String> scanned = http.exchange("/api/v1/member/cashier-codes/qr-" + code, HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant, 5)), String.class);
        assertThat(read(scanned).path("storeId").asLong()).isEqualTo(storeA);
        assertThat(read(scanned).path("id").asLong()).isEqualTo(merchant.path("id").asLong());
        assertThat(http.exchange("/api/v1/member/cashier-codes/qr-" + code, HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant + 7, 5)), String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> duplicate = http.exchange("/admin/v1/member/stores/" + storeB + "/merchants", HttpMethod.POST,
                new HttpEntity<>(Map.of("code", "ADI", "brand", "Adidas", "category", "sports", "cashierQrId", "qr-" + code), Http.write(admin)), String.class);
        assertThat(duplicate.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void theAdminCreatesACashierWhoCanSignIn() {
        JsonNode merchant = post("/admin/v1/member/stores/" + storeA + "/merchants",
                Map.of("code", "LV", "brand", "LV", "category", "luxury", "cashierQrId", "qr2-" + code));
        JsonNode cashier = post("/admin/v1/member/staff", Map.of("username", "cashier1", "displayName", "收银员", "password", "cashier-pass-2026",
                "roles", List.of("CASHIER"), "storeId", storeA, "merchantId", merchant.path("id").asLong()));
        assertThat(cashier.path("roles").get(0).asText()).isEqualTo("CASHIER");
        ResponseEntity<String> session = http.postForEntity("/api/v1/member/staff-sessions", new HttpEntity<>(
                Map.of("tenantCode", code, "username", "cashier1", "password", "cashier-pass-2026"), Http.json()), String.class);
        assertThat(session.getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> wrongStore = http.exchange("/admin/v1/member/staff", HttpMethod.POST, new HttpEntity<>(Map.of("username", "c2",
                "displayName", "x", "password", "cashier-pass-2026", "roles", List.of("CASHIER"), "storeId", storeB,
                "merchantId", merchant.path("id").asLong()), Http.write(admin)), String.class);
        assertThat(wrongStore.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> byOperator = http.exchange("/admin/v1/member/staff", HttpMethod.POST, new HttpEntity<>(Map.of("username", "cashier3",
                "displayName", "x", "password", "cashier-pass-2026", "roles", List.of("TENANT_ADMIN")), Http.write(Http.staff(tenant, 2, "OPERATOR"))), String.class);
        assertThat(byOperator.getStatusCode().value()).isEqualTo(403);
    }

    private List<Long> segmentMembers(Map<String, Object> rule) {
        JsonNode segment = post("/admin/v1/member/segments", Map.of("name", "s-" + UUID.randomUUID(), "rule", rule));
        return longs(getJson("/admin/v1/member/segments/" + segment.path("id").asLong() + "/members"));
    }

    private static List<Long> longs(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("memberIds").forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    private long register(String phone) {
        return post("/admin/v1/member/members", Map.of("phone", phone)).path("id").asLong();
    }

    private JsonNode post(String path, Object body) {
        // /internal calls come from other services: a service token acting for the tenant
        HttpHeaders caller = path.startsWith("/internal/") ? Http.internal(tenant) : admin;
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(caller)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isBetween(200, 201);
        return read(response);
    }

    private void put(String path, Object body) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, Http.write(admin)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
    }

    private JsonNode getJson(String path) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(admin), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
