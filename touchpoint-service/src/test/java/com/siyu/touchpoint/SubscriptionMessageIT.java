package com.siyu.touchpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * Mini-program subscription messages against MariaDB, WeChat's API as WireMock (through WxJava) and member-service as
 * WireMock (the access token and the openids): consent quotas, quiet hours, caps, unsubscribes, WeChat's answers, the
 * post-payment preset from a real inbox delivery, and concurrent dispatchers.
 */
@ServiceIT
class SubscriptionMessageIT {

    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TEMPLATE = "tmpl-thanks";

    static {
        wechat.start();
        memberService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            wechat.stop();
            memberService.stop();
        }));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", wechat::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("siyu.touchpoint.dispatch-interval", () -> "PT1H");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Inbox inbox;
    @Autowired
    Sends sends;

    long tenant;
    HttpHeaders operator;
    long member;

    @BeforeEach
    void tenantWithAPreset() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        member = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        operator = Http.staff(tenant, 2, "OPERATOR");
        wechat.resetAll();
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/wechat/mini-program/access-token"))
                .willReturn(okJson("{\"appId\":\"wx-mall\",\"accessToken\":\"token-" + tenant + "\"}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/mini-program-openids"))
                .willReturn(okJson("[{\"memberId\":" + member + ",\"openId\":\"o-" + member + "\"}]")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"7001\"}")));
        ResponseEntity<String> preset = http.exchange("/admin/v1/touchpoint/presets/POST_PAYMENT", HttpMethod.PUT, new HttpEntity<>(Map.of(
                "enabled", true, "templateId", TEMPLATE, "page", "pages/member/index", "fields", Map.of("amount1", "{amount}", "time2", "{paidAt}",
                        "character_string3", "{paymentNo}")), Http.write(operator)), String.class);
        assertThat(preset.getStatusCode().value()).as(preset.getBody()).isEqualTo(200);
    }

    @Test
    void aPaymentSendsThePostPaymentPresetOnceAndTakesOneQuota() throws Exception {
        subscribe(member, "accept");
        paid("PAY-1", member, 12_345);
        // redelivered under another message id (the outbox may publish twice): still one send
        paid("PAY-1", member, 12_345);
        assertThat(count("QUEUED")).isEqualTo(1);
        sends.dispatch(noonAfter(Instant.now()));
        Map<String, Object> sent = jdbc.queryForMap("select status, channel_msg_id, data from tp_send where tenant_id = ?", tenant);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("channel_msg_id")).isEqualTo("7001");
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withQueryParam("access_token", equalTo("token-" + tenant))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("o-" + member)))
                .withRequestBody(matchingJsonPath("$.template_id", equalTo(TEMPLATE)))
                .withRequestBody(matchingJsonPath("$.data.amount1.value", equalTo("¥123.45")))
                .withRequestBody(matchingJsonPath("$.data.character_string3.value", equalTo("PAY-1"))));
        assertThat(quota(member)).isZero();
        JsonNode event = outbox("MessageSent").get(0);
        assertThat(event.path("memberId").asLong()).isEqualTo(member);
        assertThat(event.path("preset").asText()).isEqualTo("POST_PAYMENT");

        // no quota left: the next payment's thank-you is skipped, WeChat not asked
        paid("PAY-2", member, 100);
        sends.dispatch(noonAfter(Instant.now()));
        assertThat(reasonOf("PAY-2")).isEqualTo("SKIPPED NO_QUOTA");
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
        // the operator's log shows both
        JsonNode log = read(http.exchange("/admin/v1/touchpoint/sends?memberId=" + member, HttpMethod.GET, new HttpEntity<>(operator), String.class));
        assertThat(log.findValuesAsText("status")).containsExactly("SKIPPED", "SENT");
        assertThat(read(http.exchange("/admin/v1/touchpoint/sends?memberId=" + member, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 2,
                "OPERATOR")), String.class))).isEmpty();
    }

    @Test
    void quietHoursDeferCapsAndUnsubscribesSkipAndTheQuotaIsOnlyTakenBySends() {
        subscribe(member, "accept");
        subscribe(member, "accept");
        subscribe(member, "accept");
        assertThat(quota(member)).isEqualTo(3);
        // 23:00 in Shanghai is inside the default quiet hours (21:00-09:00): deferred to 09:00, nothing taken
        paid("PAY-Q", member, 500);
        Instant night = LocalDate.now(SHANGHAI).plusDays(1).atTime(LocalTime.of(23, 0)).atZone(SHANGHAI).toInstant();
        sends.dispatch(night);
        Map<String, Object> deferred = jdbc.queryForMap("select status, reason, due_at from tp_send where tenant_id = ?", tenant);
        assertThat(deferred.get("status")).isEqualTo("QUEUED");
        assertThat(deferred.get("reason")).isEqualTo("QUIET_HOURS");
        assertThat(jdbc.queryForObject("select due_at from tp_send where tenant_id = ?", Timestamp.class, tenant).toInstant())
                .isEqualTo(night.atZone(SHANGHAI).toLocalDate().plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant());
        assertThat(quota(member)).isEqualTo(3);
        Instant morning = night.plus(Duration.ofHours(11));
        sends.dispatch(morning);
        assertThat(reasonOf("PAY-Q")).isEqualTo("SENT null");

        // a daily cap of 1: the next send that day is skipped, its quota kept
        assertThat(http.exchange("/admin/v1/touchpoint/contact-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("dailyCap", 1, "weeklyCap", 5),
                Http.write(operator)), String.class).getStatusCode().value()).isEqualTo(200);
        paid("PAY-C", member, 500);
        sends.dispatch(morning.plus(Duration.ofHours(1)));
        assertThat(reasonOf("PAY-C")).isEqualTo("SKIPPED DAILY_CAP");
        assertThat(quota(member)).isEqualTo(2);

        // unsubscribed from subscription messages: skipped; back again: sent
        HttpHeaders shopper = Http.member(tenant, member);
        assertThat(read(http.exchange("/api/v1/touchpoint/unsubscribes/MINI_SUBSCRIBE", HttpMethod.PUT, new HttpEntity<>(Http.write(shopper)),
                String.class)).path("unsubscribed").toString()).isEqualTo("[\"MINI_SUBSCRIBE\"]");
        paid("PAY-U", member, 500);
        sends.dispatch(morning.plus(Duration.ofDays(1)));
        assertThat(reasonOf("PAY-U")).isEqualTo("SKIPPED UNSUBSCRIBED");
        http.exchange("/api/v1/touchpoint/unsubscribes/MINI_SUBSCRIBE", HttpMethod.DELETE, new HttpEntity<>(Http.write(shopper)), String.class);
        paid("PAY-V", member, 500);
        sends.dispatch(morning.plus(Duration.ofDays(1)));
        assertThat(reasonOf("PAY-V")).isEqualTo("SENT null");
        assertThat(quota(member)).isEqualTo(1);
    }

    @Test
    void weChatsAnswersDecideRetryQuotaAndFailureAndACrashedSendIsNeverSentAgain() {
        subscribe(member, "accept");
        Instant noon = noonAfter(Instant.now());
        // busy: the quota comes back and the send waits a minute
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).atPriority(1)
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system error\"}")));
        paid("PAY-B", member, 500);
        sends.dispatch(noon);
        assertThat(reasonOf("PAY-B")).isEqualTo("QUEUED WECHAT_UNAVAILABLE");
        assertThat(quota(member)).isEqualTo(1);
        // the member withdrew their consent at WeChat (43101): failed, and our count starts again from none
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).atPriority(1)
                .willReturn(okJson("{\"errcode\":43101,\"errmsg\":\"user refuse to accept the msg\"}")));
        sends.dispatch(noon.plus(Duration.ofMinutes(5)));
        assertThat(reasonOf("PAY-B")).isEqualTo("FAILED WECHAT_43101");
        assertThat(quota(member)).isZero();

        // a dispatcher died while WeChat had the message: after five minutes it is FAILED, WeChat is not asked again
        subscribe(member, "accept");
        wechat.resetRequests();
        paid("PAY-K", member, 500);
        jdbc.update("update tp_send set status = 'SENDING', claimed_at = ? where tenant_id = ? and source_key like '%PAY-K%'",
                Timestamp.from(noon.minus(Duration.ofMinutes(6))), tenant);
        sends.dispatch(noon);
        assertThat(reasonOf("PAY-K")).isEqualTo("FAILED OUTCOME_UNKNOWN");
        wechat.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));

        // member-service unreachable: nothing goes out, the send waits
        memberService.stubFor(post(urlEqualTo("/internal/members/mini-program-openids")).atPriority(1).willReturn(aResponse().withStatus(503)));
        paid("PAY-M", member, 500);
        sends.dispatch(noon);
        assertThat(reasonOf("PAY-M")).isEqualTo("QUEUED DEPENDENCY_UNAVAILABLE");
        assertThat(quota(member)).isEqualTo(1);
    }

    @Test
    void withoutAnAccessTokenNothingLeavesAndTheQuotaStays() {
        subscribe(member, "accept");
        memberService.stubFor(get(urlEqualTo("/internal/wechat/mini-program/access-token")).atPriority(1).willReturn(aResponse().withStatus(502)));
        paid("PAY-T", member, 500);
        sends.dispatch(noonAfter(Instant.now()));
        assertThat(reasonOf("PAY-T")).isEqualTo("QUEUED DEPENDENCY_UNAVAILABLE");
        assertThat(quota(member)).isEqualTo(1);
        wechat.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
    }

    @Test
    void eightDispatchersAtOnceSendExactlyAsManyMessagesAsTheMemberAllowed() throws Exception {
        for (int i = 0; i < 5; i++) {
            subscribe(member, "accept");
        }
        http.exchange("/admin/v1/touchpoint/contact-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("dailyCap", 50, "weeklyCap", 200),
                Http.write(operator)), String.class);
        for (int i = 0; i < 20; i++) {
            paid("PAY-P" + i, member, 100 + i);
        }
        Instant noon = noonAfter(Instant.now());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> sends.dispatch(noon)));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count("SENT")).isEqualTo(5);
        assertThat(count("SKIPPED")).isEqualTo(15);
        assertThat(quota(member)).isZero();
        wechat.verify(5, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
        assertThat(outbox("MessageSent")).hasSize(5);
    }

    @Test
    void theShopperSeesOnlyTheirConsentAndBadInputChangesNothing() {
        HttpHeaders shopper = Http.member(tenant, member);
        ResponseEntity<String> taps = http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.POST, new HttpEntity<>(Map.of("results",
                Map.of("t-a", "accept", "t-b", "reject")), Http.write(shopper)), String.class);
        assertThat(taps.getStatusCode().value()).as(taps.getBody()).isEqualTo(200);
        assertThat(read(taps).path("quotas").findValuesAsText("templateId")).containsExactly("t-a");
        ResponseEntity<String> bad = http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.POST, new HttpEntity<>(Map.of("results",
                Map.of("t-a", "accept", "t-c", "yes")), Http.write(shopper)), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.GET, new HttpEntity<>(shopper), String.class)).path("quotas")
                .get(0).path("quota").asInt()).isEqualTo(1);
        // another tenant's shopper with the same id, and staff, see none of it
        assertThat(read(http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.GET, new HttpEntity<>(Http.member(tenant + 1, member)),
                String.class)).path("quotas")).isEmpty();
        assertThat(http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.GET, new HttpEntity<>(operator), String.class).getStatusCode()
                .value()).isIn(401, 403);
        assertThat(http.exchange("/admin/v1/touchpoint/presets/POST_PAYMENT", HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", true,
                "templateId", "x", "fields", Map.of("thing1", "{nickname}")), Http.write(operator)), String.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(read(http.exchange("/admin/v1/touchpoint/presets/POST_PAYMENT", HttpMethod.GET, new HttpEntity<>(operator), String.class))
                .path("templateId").asText()).isEqualTo(TEMPLATE);
        assertThat(http.exchange("/admin/v1/touchpoint/contact-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("dailyCap", 5, "weeklyCap", 2),
                Http.write(operator)), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aClickThenAPaymentInTheWindowIsCreditedOnceARefundComesOffAndTheDashboardShowsIt() {
        subscribe(member, "accept");
        paid("PAY-A1", member, 10_000);
        sends.dispatch(noonAfter(Instant.now()));
        long sendId = jdbc.queryForObject("select id from tp_send where tenant_id = ? and source_key like '%PAY-A1%'", Long.class, tenant);
        String token = jdbc.queryForObject("select tracking_token from tp_send where id = ?", String.class, sendId);
        assertThat(token).hasSize(22);
        wechat.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.page", equalTo("pages/member/index?tp=" + token))));
        // a payment before any click is no message's
        assertThat(jdbc.queryForObject("select count(*) from tp_conversion where tenant_id = ?", Integer.class, tenant)).isZero();

        HttpHeaders shopper = Http.member(tenant, member);
        ResponseEntity<String> click = http.exchange("/api/v1/touchpoint/clicks", HttpMethod.POST, new HttpEntity<>(Map.of("token", token),
                Http.write(shopper)), String.class);
        assertThat(click.getStatusCode().value()).as(click.getBody()).isEqualTo(200);
        assertThat(read(click).path("sendId").asLong()).isEqualTo(sendId);
        assertThat(outbox("MessageClicked")).hasSize(1);
        // a made-up token, or another mall's shopper with this one: 404, nothing recorded
        assertThat(http.exchange("/api/v1/touchpoint/clicks", HttpMethod.POST, new HttpEntity<>(Map.of("token", "A".repeat(22)), Http.write(shopper)),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/touchpoint/clicks", HttpMethod.POST, new HttpEntity<>(Map.of("token", token),
                Http.write(Http.member(tenant + 1, member))), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/touchpoint/clicks", HttpMethod.POST, new HttpEntity<>(Map.of("token", "short"), Http.write(shopper)),
                String.class).getStatusCode().value()).isEqualTo(400);

        // paid within the window (default 72 h): credited to the clicked message, once however often delivered
        paid("PAY-A2", member, 30_000, Instant.now().plus(Duration.ofHours(2)));
        paid("PAY-A2", member, 30_000, Instant.now().plus(Duration.ofHours(2)));
        Map<String, Object> credit = jdbc.queryForMap("select last_send_id, first_send_id, gross_fen from tp_conversion where tenant_id = ?", tenant);
        assertThat(credit.get("last_send_id")).isEqualTo(sendId);
        assertThat(credit.get("gross_fen")).isEqualTo(30_000L);
        // outside it: not credited
        paid("PAY-A3", member, 5_000, Instant.now().plus(Duration.ofHours(80)));
        assertThat(jdbc.queryForObject("select count(*) from tp_conversion where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);

        // a refund comes off once; a refund of a payment no message brought changes nothing
        refunded("RF-1", "PAY-A2", 10_000);
        refunded("RF-1", "PAY-A2", 10_000);
        refunded("RF-2", "PAY-A3", 5_000);
        assertThat(jdbc.queryForObject("select refunded_fen from tp_conversion where tenant_id = ?", Long.class, tenant)).isEqualTo(10_000L);

        LocalDate today = LocalDate.now(SHANGHAI);
        JsonNode board = read(http.exchange("/admin/v1/touchpoint/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), HttpMethod.GET,
                new HttpEntity<>(operator), String.class));
        assertThat(board.path("rows")).as(board.toString()).hasSize(1);
        JsonNode row = board.path("rows").get(0);
        assertThat(row.path("preset").asText()).isEqualTo("POST_PAYMENT");
        assertThat(row.path("sends").asLong()).isEqualTo(3);
        assertThat(row.path("sent").asLong()).isEqualTo(1);
        assertThat(row.path("membersReached").asLong()).isEqualTo(1);
        assertThat(row.path("clicked").asLong()).isEqualTo(1);
        assertThat(row.path("converted").asLong()).isEqualTo(1);
        assertThat(row.path("attributedFen").asLong()).isEqualTo(20_000);
        assertThat(board.path("attributedFen").asLong()).isEqualTo(20_000);
        // all GMV: the cashier's payments of those days net of refunds (each once), plus the POS sales the mall reports
        LocalDate a2 = LocalDate.ofInstant(Instant.now().plus(Duration.ofHours(2)), SHANGHAI);
        assertThat(board.path("gmv").path("cashierFen").asLong()).as(board.toString()).isEqualTo(30_000);
        memberService.stubFor(get(urlEqualTo("/internal/stores/7")).willReturn(okJson("{\"id\":7,\"name\":\"A\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/9")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));
        ResponseEntity<String> pos = http.exchange("/admin/v1/touchpoint/store-sales/" + today, HttpMethod.PUT, new HttpEntity<>(Map.of("stores",
                List.of(Map.of("storeId", 7, "grossFen", 50_000))), Http.write(operator)), String.class);
        assertThat(pos.getStatusCode().value()).as(pos.getBody()).isEqualTo(200);
        // reported again (a corrected import): replaced, not added
        http.exchange("/admin/v1/touchpoint/store-sales/" + today, HttpMethod.PUT, new HttpEntity<>(Map.of("stores",
                List.of(Map.of("storeId", 7, "grossFen", 50_000))), Http.write(operator)), String.class);
        assertThat(http.exchange("/admin/v1/touchpoint/store-sales/" + today, HttpMethod.PUT, new HttpEntity<>(Map.of("stores",
                List.of(Map.of("storeId", 9, "grossFen", 1))), Http.write(operator)), String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/touchpoint/store-sales/" + today.plusDays(2), HttpMethod.PUT, new HttpEntity<>(Map.of("stores",
                List.of(Map.of("storeId", 7, "grossFen", 1))), Http.write(operator)), String.class).getStatusCode().value()).isEqualTo(400);
        JsonNode gmv = read(http.exchange("/admin/v1/touchpoint/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), HttpMethod.GET,
                new HttpEntity<>(operator), String.class)).path("gmv");
        assertThat(gmv.path("posFen").asLong()).isEqualTo(50_000);
        assertThat(gmv.path("allFen").asLong()).isEqualTo(80_000);
        assertThat(gmv.path("privateDomainFen").asLong()).isEqualTo(20_000);
        assertThat(gmv.path("privateShareBasisPoints").asLong()).isEqualTo(2_500);
        assertThat(gmv.path("stores").get(0).path("storeId").asLong()).isEqualTo(7);
        // per store: the credited payment's order at store 7, less its refund, beside that store's GMV
        assertThat(gmv.path("stores").get(0).path("allFen").asLong()).isEqualTo(80_000);
        assertThat(gmv.path("stores").get(0).path("privateDomainFen").asLong()).isEqualTo(20_000);
        assertThat(gmv.path("stores").get(0).path("privateShareBasisPoints").asLong()).isEqualTo(2_500);
        assertThat(a2).isAfterOrEqualTo(today);
        assertThat(read(http.exchange("/admin/v1/touchpoint/dashboard?from=" + today + "&to=" + today, HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 2, "OPERATOR")), String.class)).path("rows")).isEmpty();
        assertThat(http.exchange("/admin/v1/touchpoint/dashboard?from=" + today + "&to=" + today.minusDays(1), HttpMethod.GET,
                new HttpEntity<>(operator), String.class).getStatusCode().value()).isEqualTo(400);
    }

    private void refunded(String refundNo, String paymentNo, long fen) {
        Map<String, Object> data = Map.of("refundNo", refundNo, "paymentNo", paymentNo, "orderNo", paymentNo + "-1", "memberId", member,
                "storeId", 7, "grossFen", fen, "refundedAt", Instant.now().toString());
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "PaymentRefunded", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "payment-service.PaymentRefunded",
                json.valueToTree(envelope), 1))).isEqualTo(Inbox.Outcome.APPLIED);
    }

    private void subscribe(long memberId, String result) {
        ResponseEntity<String> r = http.exchange("/api/v1/touchpoint/subscriptions", HttpMethod.POST, new HttpEntity<>(Map.of("results",
                Map.of(TEMPLATE, result)), Http.write(Http.member(tenant, memberId))), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    }

    private void paid(String paymentNo, long memberId, long fen) {
        paid(paymentNo, memberId, fen, Instant.now());
    }

    private void paid(String paymentNo, long memberId, long fen, Instant paidAt) {
        Map<String, Object> data = Map.of("paymentNo", paymentNo, "memberId", memberId, "grossFen", fen, "discountFen", 0,
                "paidAt", paidAt.toString(), "orders", List.of(Map.of("orderNo", paymentNo + "-1", "storeId", 7, "grossFen", fen)));
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "PaymentSucceeded", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "payment-service.PaymentSucceeded",
                json.valueToTree(envelope), 1))).isEqualTo(Inbox.Outcome.APPLIED);
    }

    /** Noon in Shanghai on the day after {@code at}: outside the default quiet hours, after anything queued now. */
    private static Instant noonAfter(Instant at) {
        return LocalDate.ofInstant(at, SHANGHAI).plusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant();
    }

    private int quota(long memberId) {
        return jdbc.queryForObject("select coalesce(sum(quota), 0) from tp_subscription_quota where tenant_id = ? and member_id = ?", Integer.class,
                tenant, memberId);
    }

    private int count(String status) {
        return jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and status = ?", Integer.class, tenant, status);
    }

    private String reasonOf(String paymentNo) {
        return jdbc.queryForObject("select concat(status, ' ', coalesce(reason, 'null')) from tp_send where tenant_id = ? and source_key like ?",
                String.class, tenant, "payment:" + paymentNo + ":%");
    }

    private List<JsonNode> outbox(String type) {
        return jdbc.queryForList("select payload from outbox_event where tenant_id = ? and type = ? order by id", String.class, tenant, type).stream()
                .map(p -> {
                    try {
                        return json.readTree(p).path("data");
                    } catch (java.io.IOException e) {
                        throw new AssertionError(p, e);
                    }
                }).toList();
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
