package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** Local runs: siyu.payment.channel=sandbox confirms at once, through the same success path as a notification. */
@ServiceIT
@TestPropertySource(properties = {"siyu.payment.channel=sandbox", "siyu.payment.expiry-delay=PT1H", "siyu.payment.reward-retry-delay=PT1H"})
class SandboxCheckoutIT {

    static final WireMockServer services = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        services.start();
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        for (String service : List.of("member-service", "coupon-service", "points-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", services::baseUrl);
        }
    }

    @AfterAll
    static void stop() {
        services.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate db;

    @Test
    void theSandboxConfirmsAtOnceConfirmingPointsEarningAndWritingTheEvent() throws Exception {
        long tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        services.stubFor(get(urlEqualTo("/internal/merchants/11")).willReturn(ok(
                "{\"id\":11,\"storeId\":101,\"code\":\"M11\",\"brand\":\"B\",\"category\":\"FOOD\",\"cashierQrId\":\"qr-00011\"}")));
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(
                "{\"id\":1,\"memberId\":5,\"bizId\":\"x\",\"points\":500,\"status\":\"HELD\",\"journalId\":2,\"balanceAfter\":0}")));
        services.stubFor(post(urlMatching("/internal/points/reservations/.*/confirm")).willReturn(ok(
                "{\"id\":1,\"memberId\":5,\"bizId\":\"x\",\"points\":500,\"status\":\"CONFIRMED\",\"journalId\":2}")));
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":3,\"points\":95,\"debtRepaid\":0}")));
        services.stubFor(post(urlMatching("/internal/members/.*/growth")).willReturn(ok("{}")));
        services.stubFor(get(urlEqualTo("/internal/points/policy")).willReturn(ok("{\"redeemPointsPerYuan\":100}")));
        // the sandbox checks the payer like WeChat Pay: the member's openid in the tenant's own mini-program
        services.stubFor(get(urlEqualTo("/internal/tenants/current")).willReturn(ok("{\"id\":1,\"miniappAppId\":\"wxsandboxmall0001\"}")));
        services.stubFor(get(urlEqualTo("/internal/members/5/identities/MINIAPP_OPENID?scope=wxsandboxmall0001")).willReturn(ok(
                "{\"memberId\":5,\"kind\":\"MINIAPP_OPENID\",\"scope\":\"wxsandboxmall0001\",\"value\":\"o-local\",\"verified\":true}")));

        ResponseEntity<String> mismatch = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of(
                "orders", List.of(Map.of("merchantId", 11, "amountFen", 10_000)), "points", 500, "payerOpenid", "o-someone-else"),
                Http.write(Http.member(tenant, 5))), String.class);
        assertThat(mismatch.getStatusCode().value()).as(mismatch.getBody()).isEqualTo(422);
        assertThat(json.readTree(mismatch.getBody()).path("code").asText()).isEqualTo("PAYER_MISMATCH");
        assertThat(db.queryForObject("select count(*) from checkout_payment where tenant_id = ?", Long.class, tenant)).isZero();

        ResponseEntity<String> paid = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of(
                "orders", List.of(Map.of("merchantId", 11, "amountFen", 10_000)), "points", 500, "payerOpenid", "o-local"),
                Http.write(Http.member(tenant, 5))), String.class);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
        JsonNode body = json.readTree(paid.getBody());
        String no = body.path("paymentNo").asText();
        assertThat(body.path("status").asText()).isEqualTo("PAID");
        assertThat(body.path("channel").asText()).isEqualTo("SANDBOX");
        assertThat(body.path("cashFen").asLong()).isEqualTo(9_500);
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/reservations/" + no + "/confirm")));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/earnings"))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo("9500"))));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND type = 'PaymentSucceeded'", Long.class, tenant))
                .isEqualTo(1);
        // the sandbox takes no notifications
        ResponseEntity<String> notified = http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST,
                new HttpEntity<>("{\"id\":\"x\"}", Http.json()), String.class);
        assertThat(notified.getStatusCode().value()).isEqualTo(400);
        assertThat(json.readTree(notified.getBody()).path("code").asText()).isEqualTo("NOTIFICATION_NOT_EXPECTED");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
