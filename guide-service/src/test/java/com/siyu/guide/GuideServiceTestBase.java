package com.siyu.guide;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What guide-service's integration tests share: member-service (and coupon-service's templates) as a WireMock stub
 * (one for the whole test JVM; each test resets and stubs it), the HTTP client, JSON and the database.
 */
abstract class GuideServiceTestBase {

    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(memberService::stop));
    }

    @DynamicPropertySource
    static void memberServiceAt(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        // the same stub answers coupon-service's template lookups (MemberServiceStub.couponTemplates)
        registry.add("spring.cloud.discovery.client.simple.instances.coupon-service[0].uri", memberService::baseUrl);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    /** The {@code data} of the tenant's outbox events of {@code type}, oldest first. */
    java.util.List<JsonNode> events(long tenant, String type) {
        return events(jdbc, json, tenant, type);
    }

    static java.util.List<JsonNode> events(JdbcTemplate jdbc, ObjectMapper json, long tenant, String type) {
        return jdbc.queryForList("select payload from outbox_event where tenant_id = ? and type = ? order by id", String.class, tenant, type).stream()
                .map(payload -> {
                    try {
                        JsonNode envelope = json.readTree(payload);
                        org.assertj.core.api.Assertions.assertThat(envelope.path("type").asText()).isEqualTo(type);
                        org.assertj.core.api.Assertions.assertThat(envelope.path("tenantId").asLong()).isEqualTo(tenant);
                        return envelope.path("data");
                    } catch (java.io.IOException e) {
                        throw new AssertionError(payload, e);
                    }
                })
                .toList();
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
