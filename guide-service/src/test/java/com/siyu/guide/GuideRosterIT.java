package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.Map;
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

@ServiceIT
class GuideRosterIT {

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
    HttpHeaders manager;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        manager = Http.staff(tenant, 4, "MANAGER");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\",\"latitude\":31.2}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"Store 2 does not exist\"}")));
        MemberServiceStub.staffAndCounters(memberService);
    }

    @Test
    void aManagerEnrolsAGuideAtOneOfTheTenantsStores() {
        ResponseEntity<String> enrolled = enrol(manager, 1, "13912340001");
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        assertThat(read(enrolled).path("status").asText()).isEqualTo("ACTIVE");
        JsonNode roster = read(http.exchange("/admin/v1/guide/guides?storeId=1", HttpMethod.GET, new HttpEntity<>(manager), String.class));
        assertThat(roster.findValuesAsText("phone")).containsExactly("13912340001");
    }

    @Test
    void aStoreOutsideTheTenantIsNotFoundAndNothingIsEnrolled() {
        ResponseEntity<String> refused = enrol(manager, 2, "13912340002");
        assertThat(refused.getStatusCode().value()).isEqualTo(404);
        assertThat(read(refused).path("detail").asText()).contains("Store 2");
        assertThat(read(http.exchange("/admin/v1/guide/guides", HttpMethod.GET, new HttpEntity<>(manager), String.class)).size()).isZero();
    }

    @Test
    void guidesAreTenantScopedAndPhonesUniquePerTenant() {
        long id = read(enrol(manager, 1, "13912340003")).path("id").asLong();
        ResponseEntity<String> twice = enrol(manager, 1, "13912340003");
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(read(twice).path("code").asText()).isEqualTo("GUIDE_PHONE_TAKEN");
        HttpHeaders otherTenant = Http.staff(tenant + 1, 4, "MANAGER");
        assertThat(http.exchange("/admin/v1/guide/guides/" + id, HttpMethod.GET, new HttpEntity<>(otherTenant), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(enrol(otherTenant, 1, "13912340003").getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void onlyAGuideAccountOfTheStoreBecomesAGuideAndEachAccountOrWecomUserOnce() {
        assertThat(code(enrol(manager, Map.of("staffId", 800_001, "storeId", 1, "name", "收银", "phone", "13912340011"))))
                .isEqualTo("NOT_A_GUIDE_ACCOUNT");
        assertThat(code(enrol(manager, Map.of("staffId", 900_001, "storeId", 1, "name", "外人", "phone", "13912340012"))))
                .isEqualTo("UNKNOWN_STAFF");
        assertThat(code(enrol(manager, Map.of("staffId", 700_001, "storeId", 1, "name", "别店", "phone", "13912340013"))))
                .isEqualTo("STAFF_OF_OTHER_STORE");
        assertThat(code(enrol(manager, Map.of("staffId", 11, "storeId", 1, "merchantId", 502, "name", "柜", "phone", "13912340014"))))
                .isEqualTo("COUNTER_OF_OTHER_STORE");
        ResponseEntity<String> atCounter = enrol(manager, Map.of("staffId", 11, "storeId", 1, "merchantId", 501, "name", "小周",
                "phone", "13912340015", "wecomUserId", "zhou.x", "level", 3));
        assertThat(atCounter.getStatusCode().value()).as(atCounter.getBody()).isEqualTo(201);
        assertThat(read(atCounter).path("merchantId").asLong()).isEqualTo(501);
        assertThat(read(atCounter).path("level").asInt()).isEqualTo(3);
        assertThat(code(enrol(manager, Map.of("staffId", 11, "storeId", 1, "name", "小周", "phone", "13912340016"))))
                .isEqualTo("GUIDE_ALREADY_ENROLLED");
        assertThat(code(enrol(manager, Map.of("staffId", 12, "storeId", 1, "name", "小吴", "phone", "13912340017", "wecomUserId", "zhou.x"))))
                .isEqualTo("WECOM_USER_TAKEN");
        // a manager placed at store 2 enrols at store 2 only, and sees only store 2's guides
        HttpHeaders managerOf2 = Http.staffAt(tenant, 44, 2, "MANAGER");
        assertThat(enrol(managerOf2, Map.of("staffId", 13, "storeId", 1, "name", "小郑", "phone", "13912340018")).getStatusCode().value())
                .isEqualTo(403);
        assertThat(read(http.exchange("/admin/v1/guide/guides", HttpMethod.GET, new HttpEntity<>(managerOf2), String.class)).size()).isZero();
        assertThat(http.exchange("/admin/v1/guide/guides/" + read(atCounter).path("id").asLong(), HttpMethod.GET, new HttpEntity<>(managerOf2),
                String.class).getStatusCode().value()).isEqualTo(404);
        // a guide signs in with their staff token and is themselves
        JsonNode me = read(http.exchange("/admin/v1/guide/me", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 11, "GUIDE")), String.class));
        assertThat(me.path("id").asLong()).isEqualTo(read(atCounter).path("id").asLong());
        assertThat(http.exchange("/admin/v1/guide/me", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 12, "GUIDE")), String.class)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from guide where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
    }

    @Test
    void badInputIsAProblem() {
        ResponseEntity<String> bad = enrol(manager, 1, "555-1234");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).containsExactly("phone");
        ResponseEntity<String> cashier = enrol(Http.staff(tenant, 5, "CASHIER"), 1, "13912340004");
        assertThat(cashier.getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> enrol(HttpHeaders staff, long storeId, String phone) {
        return http.exchange("/admin/v1/guide/guides", HttpMethod.POST,
                new HttpEntity<>(Map.of("staffId", Long.parseLong(phone.substring(4)), "storeId", storeId, "name", "小李", "phone", phone),
                        Http.write(staff)), String.class);
    }

    private ResponseEntity<String> enrol(HttpHeaders staff, Map<String, Object> body) {
        return http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(body, Http.write(staff)), String.class);
    }

    private String code(ResponseEntity<String> response) {
        assertThat(response.getStatusCode().is4xxClientError()).as(response.getBody()).isTrue();
        return read(response).path("code").asText();
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
