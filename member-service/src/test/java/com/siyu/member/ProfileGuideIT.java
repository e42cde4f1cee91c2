package com.siyu.member;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The 360 profile shows the member's exclusive guide from guide-service (stubbed), and still shows without it. */
@ServiceIT
class ProfileGuideIT {

    static final WireMockServer guideService = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer pointsService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        guideService.start();
        pointsService.start();
    }

    @DynamicPropertySource
    static void servicesAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.guide-service[0].uri", guideService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.points-service[0].uri", pointsService::baseUrl);
    }

    @AfterAll
    static void stop() {
        guideService.stop();
        pointsService.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    @Test
    void theProfileShowsTheBoundGuideNoneOrThatGuideServiceIsDown() throws Exception {
        String code = "pg-" + UUID.randomUUID().toString().substring(0, 8);
        long tenant = read(http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of(
                "code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")),
                Http.platform()), String.class), 201).path("id").asLong();
        HttpHeaders admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        long bound = OutboxRelayIT.member(http, json, admin, "13600000001");
        long unbound = OutboxRelayIT.member(http, json, admin, "13600000002");
        pointsService.stubFor(get(urlPathMatching("/internal/points/accounts/\\d+")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"memberId\":1,\"balance\":12}")));
        guideService.stubFor(get(urlPathEqualTo("/internal/guide/members/" + bound + "/guide")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"memberId\":" + bound
                        + ",\"guideId\":77,\"guideName\":\"小李\",\"storeId\":5,\"guideStatus\":\"ACTIVE\",\"source\":\"STAFF\"}")));
        guideService.stubFor(get(urlPathEqualTo("/internal/guide/members/" + unbound + "/guide")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"GUIDE_NOT_BOUND\",\"detail\":\"Member has no guide\"}")));

        JsonNode profile = profile(admin, bound);
        assertThat(profile.path("guide").path("state").asText()).isEqualTo("BOUND");
        assertThat(profile.path("guide").path("guideId").asLong()).isEqualTo(77);
        assertThat(profile.path("guide").path("name").asText()).isEqualTo("小李");
        assertThat(profile.path("guide").path("storeId").asLong()).isEqualTo(5);
        assertThat(profile.path("pointsBalance").asLong()).isEqualTo(12);
        // the tenant travelled to guide-service with the call
        assertThat(com.siyu.common.test.TestTokens.actsFor(guideService.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/internal/guide/members/" + bound + "/guide"))).get(0).getHeader("Authorization"), tenant)).isTrue();

        JsonNode none = profile(admin, unbound);
        assertThat(none.path("guide").path("state").asText()).isEqualTo("NONE");
        assertThat(none.path("guide").has("guideId")).isFalse();

        guideService.resetAll();
        guideService.stubFor(get(urlPathMatching("/internal/guide/members/\\d+/guide")).willReturn(aResponse().withStatus(503)));
        JsonNode degraded = profile(admin, bound);
        assertThat(degraded.path("guide").path("state").asText()).isEqualTo("UNAVAILABLE");
        assertThat(degraded.path("member").path("id").asLong()).isEqualTo(bound);
        assertThat(degraded.path("pointsBalance").asLong()).as("the rest of the profile is intact").isEqualTo(12);
    }

    private JsonNode profile(HttpHeaders admin, long member) {
        return read(http.exchange("/admin/v1/member/members/" + member + "/profile", HttpMethod.GET, new HttpEntity<>(admin), String.class), 200);
    }

    private JsonNode read(ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
