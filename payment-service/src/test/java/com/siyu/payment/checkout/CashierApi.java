package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.payment.checkout.domain.PaymentExpiry;
import com.siyu.payment.checkout.domain.Payments;
import com.siyu.payment.checkout.domain.Settlement;
import java.util.List;
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
import org.springframework.test.context.TestPropertySource;

/**
 * The cashier against the real MariaDB and the real Seata TC (127.0.0.1:8091); member-, coupon- and
 * points-service and WeChat Pay stubbed with WireMock. WeChat Pay's answers and notifications are
 * signed with a platform key generated here and verified by WxJava for real.
 */
/**
 * Shared setup of the cashier ITs: the real MariaDB and Seata TC (127.0.0.1:8091); member-, coupon- and
 * points-service and WeChat Pay stubbed with WireMock. WeChat Pay's answers and notifications are signed
 * with a platform key generated here and verified by WxJava for real.
 */
@TestPropertySource(properties = {"seata.enabled=true", "siyu.payment.channel=wechat", "siyu.payment.wechat.read-timeout=1500ms",
        // the tests drive expiry, reward and refund retries themselves
        "siyu.payment.expiry-delay=PT1H", "siyu.payment.reward-retry-delay=PT1H", "siyu.payment.refund-retry-delay=PT1H"})
abstract class CashierApi {

    static final WireMockServer services = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer wechatServer = new WireMockServer(wireMockConfig().dynamicPort());
    static final WechatPayStub wechat;

    static {
        services.start();
        wechatServer.start();
        wechat = new WechatPayStub(wechatServer);
        // shared by every cashier IT in this JVM: stopped when it exits, not after the first class
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            services.stop();
            wechatServer.stop();
        }));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        for (String service : List.of("member-service", "coupon-service", "points-service")) {
            registry.add("spring.cloud.discovery.client.simple.instances." + service + "[0].uri", services::baseUrl);
        }
        // the real host name (WxJava signs and verifies only for *.mch.weixin.qq.com), reached through WireMock as the egress proxy
        registry.add("siyu.payment.wechat.base-url", () -> "http://api.mch.weixin.qq.com");
        registry.add("siyu.payment.wechat.proxy-host", () -> "127.0.0.1");
        registry.add("siyu.payment.wechat.proxy-port", wechatServer::port);
        registry.add("siyu.payment.wechat.app-id", () -> WechatPayStub.APP_ID);
        registry.add("siyu.payment.wechat.mch-id", () -> WechatPayStub.MCH_ID);
        registry.add("siyu.payment.wechat.api-v3-key", () -> WechatPayStub.API_V3_KEY);
        registry.add("siyu.payment.wechat.merchant-serial-no", () -> WechatPayStub.MERCHANT_SERIAL);
        registry.add("siyu.payment.wechat.private-key", wechat::merchantPrivateKeyPem);
        registry.add("siyu.payment.wechat.platform-public-key", wechat::platformPublicKeyPem);
        registry.add("siyu.payment.wechat.platform-public-key-id", () -> WechatPayStub.PUBLIC_KEY_ID);
        registry.add("siyu.payment.wechat.notify-url", () -> "https://mall.example.com/api/v1/payment/notifications/wechat");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate db;
    @Autowired
    PaymentExpiry expiry;
    @Autowired
    Payments payments;
    @Autowired
    Settlement settlement;

    static final String PAYER = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    long tenant;
    long member;
    HttpHeaders shopper;

    @BeforeEach
    void fresh() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        member = ThreadLocalRandom.current().nextLong(1, 1_000_000);
        shopper = Http.member(tenant, member);
        services.resetAll();
        wechatServer.resetAll();
        merchant(11, 101, "FASHION");
        merchant(12, 102, "FOOD");
        services.stubFor(get(urlEqualTo("/internal/points/accounts/" + member))
                .willReturn(ok("{\"memberId\":" + member + ",\"balance\":100000,\"debt\":0}")));
        // member-service knows the shopper's openid in the mini-program WeChat Pay charges, and takes purchases as growth
        services.stubFor(get(urlEqualTo("/internal/members/" + member + "/identities/MINIAPP_OPENID?scope=" + WechatPayStub.APP_ID))
                .willReturn(ok("{\"memberId\":" + member + ",\"kind\":\"MINIAPP_OPENID\",\"scope\":\"" + WechatPayStub.APP_ID
                        + "\",\"value\":\"" + PAYER + "\",\"verified\":true}")));
        services.stubFor(post(urlMatching("/internal/members/.*/growth")).willReturn(ok("{\"changed\":false}")));
        // the tenant's points policy: 100 points = ¥1
        services.stubFor(get(urlEqualTo("/internal/points/policy")).willReturn(ok("{\"redeemPointsPerYuan\":100,\"reminderDays\":7}")));
    }

    // ---------------------------------------------------------------- helpers

    /** Paid: merchant 11 ¥1500 (coupon 501 ¥10 on it) + merchant 12 ¥200, 3_000 points; cash 143_000 fen. */
    String paidPayment() {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        services.stubFor(post(urlMatching("/internal/points/reservations/.*/confirm")).willReturn(ok(reservation("CONFIRMED"))));
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/redeem")).willReturn(ok(paymentCoupons("x", 1_000))));
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":7,\"points\":10,\"debtRepaid\":0,\"balanceAfter\":10}")));
        wechat.prepayAnswers("wx-refund-" + tenant);
        ResponseEntity<String> opened = pay(List.of(Map.of("merchantId", 11, "amountFen", 150_000), Map.of("merchantId", 12, "amountFen", 20_000)),
                List.of(501), 3_000, Http.write(shopper));
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String no = read(opened).path("paymentNo").asText();
        assertThat(read(opened).path("cashFen").asLong()).isEqualTo(143_000);
        WechatPayStub.Notification paid = wechat.notification(no, txn("7"), 143_000);
        assertThat(http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST, new HttpEntity<>(paid.body(), paid.headers()),
                String.class).getStatusCode().value()).isEqualTo(204);
        assertThat(db.queryForObject("SELECT rewarded_at IS NOT NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        return no;
    }

    /** A PENDING payment for merchant 11 with {@code points} reserved and coupon 501 locked for 1_000 fen. */
    String openedPayment(long amountFen, long points) {
        return openedPayment(amountFen, points, null);
    }

    /** {@code attribution}: a guide share-link token the payment is made through (null for none). */
    String openedPayment(long amountFen, long points, String attribution) {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        wechat.prepayAnswers("wx-" + amountFen);
        ResponseEntity<String> opened = pay(List.of(Map.of("merchantId", 11, "amountFen", amountFen)), List.of(501), points, attribution,
                Http.write(shopper));
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        return read(opened).path("paymentNo").asText();
    }

    ResponseEntity<String> pay(List<Map<String, Object>> orders, List<Integer> couponIds, long points, HttpHeaders headers) {
        return pay(orders, couponIds, points, null, headers);
    }

    ResponseEntity<String> pay(List<Map<String, Object>> orders, List<Integer> couponIds, long points, String attribution, HttpHeaders headers) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("orders", orders, "couponIds", couponIds, "points", points,
                "payerOpenid", "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"));
        if (attribution != null) {
            body.put("attribution", attribution);
        }
        return http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    void merchant(long id, long store, String category) {
        services.stubFor(get(urlEqualTo("/internal/merchants/" + id)).willReturn(ok("{\"id\":" + id + ",\"storeId\":" + store
                + ",\"code\":\"M" + id + "\",\"brand\":\"Brand " + id + "\",\"category\":\"" + category + "\",\"cashierQrId\":\"qr-000" + id + "\"}")));
    }

    void noCoupons() {
        services.stubFor(post(urlEqualTo("/internal/coupon/quotes")).willReturn(ok("{\"applicable\":[],\"best\":{\"couponIds\":[],\"discountFen\":0,\"coupons\":[]}}")));
    }

    /** coupon-service locks coupon {@code couponId} for {@code fen} on the first cart line, the merchant funding a quarter. */
    void lockAnswers(long fen, long couponId) {
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/lock")).willReturn(ok("{\"paymentId\":\"x\",\"discountFen\":" + fen
                + ",\"merchantFen\":" + fen / 4 + ",\"platformFen\":" + (fen - fen / 4) + ",\"coupons\":[{\"couponId\":" + couponId
                + ",\"templateId\":9,\"discountFen\":" + fen + ",\"merchantFen\":" + fen / 4 + ",\"platformFen\":" + (fen - fen / 4)
                + ",\"status\":\"LOCKED\"}],\"allocations\":[{\"couponId\":" + couponId + ",\"templateId\":9,\"name\":\"off\",\"type\":\"CASH\","
                + "\"discountFen\":" + fen + ",\"merchantFen\":" + fen / 4 + ",\"platformFen\":" + (fen - fen / 4)
                + ",\"allocations\":[{\"line\":0,\"merchantId\":11,\"discountFen\":" + fen + "}]}]}")));
    }

    void releasesAnswer() {
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/release")).willReturn(ok(paymentCoupons("x", 0))));
        services.stubFor(post(urlMatching("/internal/points/reservations/.*/release")).willReturn(ok(reservation("RELEASED"))));
    }

    String reservation(String status) {
        return "{\"id\":1,\"memberId\":" + member + ",\"bizId\":\"x\",\"points\":3000,\"storeId\":101,\"status\":\"" + status
                + "\",\"journalId\":5,\"balanceAfter\":97000}";
    }

    static String paymentCoupons(String no, long fen) {
        return "{\"paymentId\":\"" + no + "\",\"discountFen\":" + fen + ",\"merchantFen\":0,\"platformFen\":" + fen + ",\"coupons\":[],\"allocations\":[]}";
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    long rowsOfThisMember() {
        return db.queryForObject("SELECT COUNT(*) FROM checkout_payment WHERE tenant_id = ? AND member_id = ?", Long.class, tenant, member);
    }

    long count(String table) {
        return db.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE tenant_id = ?", Long.class, tenant);
    }

    /** A WeChat transaction id unique to this run (the column is unique across all runs of the shared IT database). */
    String txn(String suffix) {
        return "42" + tenant + suffix;
    }

    JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
