package com.siyu.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.Map;
import java.util.UUID;
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

/**
 * The points payment against the real MariaDB with points-service stubbed (the global transaction
 * with the real Seata TC and points-service is exercised end to end in the e2e module).
 */
@ServiceIT
@org.springframework.test.context.TestPropertySource(properties = "siyu.payment.channel=sandbox")
class PointsPaymentIT {

    static final WireMockServer pointsService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        pointsService.start();
    }

    @DynamicPropertySource
    static void pointsServiceAt(DynamicPropertyRegistry registry) {
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
    HttpHeaders cashier;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        cashier = Http.staff(tenant, 3, "CASHIER");
        pointsService.resetAll();
    }

    @Test
    void aPaymentSpendsThePointsUnderItsOwnNumberAndIsRecorded() {
        pointsService.stubFor(post(urlEqualTo("/internal/points/spends")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"id\":99,\"memberId\":5,\"bizType\":\"PAYMENT_SPEND\",\"delta\":-30,\"balanceAfter\":70}")));
        String order = "O-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> paid = pay(5, order, 30);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
        JsonNode body = read(paid);
        assertThat(body.path("pointsBalanceAfter").asLong()).isEqualTo(70);
        String paymentNo = body.path("paymentNo").asText();
        pointsService.verify(postRequestedFor(urlEqualTo("/internal/points/spends"))
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                        com.siyu.common.test.TestTokens.actsFor(r.getHeader("Authorization"), tenant)))
                .withRequestBody(matchingJsonPath("$.bizId", equalTo(paymentNo)))
                .withRequestBody(matchingJsonPath("$.points", equalTo("30"))));

        JsonNode stored = read(http.exchange("/admin/v1/payment/points-payments/" + paymentNo, HttpMethod.GET, new HttpEntity<>(cashier), String.class));
        assertThat(stored.path("merchantOrderNo").asText()).isEqualTo(order);
        assertThat(stored.path("pointsUsed").asLong()).isEqualTo(30);
    }

    @Test
    void aRejectionFromPointsServiceIsPassedOnAndNothingIsRecorded() {
        pointsService.stubFor(post(urlEqualTo("/internal/points/spends")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"POINTS_INSUFFICIENT\",\"detail\":\"The member has 10 points; 30 were requested\"}")));
        String order = "O-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> refused = pay(5, order, 30);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(read(refused).path("detail").asText()).contains("10 points");

        // the order was not recorded as paid: paying it once points suffice works
        pointsService.resetAll();
        pointsService.stubFor(post(urlEqualTo("/internal/points/spends")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":100,\"balanceAfter\":0}")));
        assertThat(pay(5, order, 10).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void pointsServiceFailingIsA502NotA500() {
        pointsService.stubFor(post(urlEqualTo("/internal/points/spends")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500,\"code\":\"INTERNAL_ERROR\"}")));
        ResponseEntity<String> failed = pay(5, "O-" + UUID.randomUUID().toString().substring(0, 8), 30);
        assertThat(failed.getStatusCode().value()).isEqualTo(502);
        assertThat(read(failed).path("code").asText()).isEqualTo("UPSTREAM_FAILED");
    }

    @Test
    void aCounterOrderIsPaidOnlyOnce() {
        pointsService.stubFor(post(urlEqualTo("/internal/points/spends")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":101,\"balanceAfter\":50}")));
        String order = "O-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(pay(5, order, 10).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> again = pay(6, order, 10);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(read(again).path("code").asText()).isEqualTo("MERCHANT_ORDER_ALREADY_PAID");
        // another tenant may use the same counter order number
        HttpHeaders otherTenant = Http.staff(tenant + 1, 3, "CASHIER");
        ResponseEntity<String> elsewhere = http.exchange("/admin/v1/payment/points-payments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 5, "merchantOrderNo", order, "points", 10), Http.write(otherTenant)), String.class);
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(201);
        // and cannot read this tenant's payment
        String paymentNo = read(elsewhere).path("paymentNo").asText();
        assertThat(http.exchange("/admin/v1/payment/points-payments/" + paymentNo, HttpMethod.GET, new HttpEntity<>(cashier), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void badInputIsRefusedBeforeAnyPointsMove() {
        ResponseEntity<String> bad = http.exchange("/admin/v1/payment/points-payments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 5, "merchantOrderNo", "has spaces", "points", -3), Http.write(cashier)), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).contains("merchantOrderNo", "points");
        ResponseEntity<String> guide = http.exchange("/admin/v1/payment/points-payments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", 5, "merchantOrderNo", "X1", "points", 3), Http.write(Http.staff(tenant, 4, "GUIDE"))), String.class);
        assertThat(guide.getStatusCode().value()).isEqualTo(403);
        assertThat(pointsService.getAllServeEvents()).isEmpty();
    }

    private ResponseEntity<String> pay(long member, String order, long points) {
        return http.exchange("/admin/v1/payment/points-payments", HttpMethod.POST,
                new HttpEntity<>(Map.of("memberId", member, "merchantOrderNo", order, "points", points), Http.write(cashier)), String.class);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
