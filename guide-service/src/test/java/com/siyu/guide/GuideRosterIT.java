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
    void badInputIsAProblem() {
        ResponseEntity<String> bad = enrol(manager, 1, "555-1234");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).containsExactly("phone");
        ResponseEntity<String> cashier = enrol(Http.staff(tenant, 5, "CASHIER"), 1, "13912340004");
        assertThat(cashier.getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> enrol(HttpHeaders staff, long storeId, String phone) {
        return http.exchange("/admin/v1/guide/guides", HttpMethod.POST,
                new HttpEntity<>(Map.of("storeId", storeId, "name", "小李", "phone", phone), Http.write(staff)), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
