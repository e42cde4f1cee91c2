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
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.touchpoint.support.domain.WorkOrders;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Customer service and work orders against MariaDB: WeChat's message push encrypted and signed as WeChat does (with
 * WxJava's own crypto), replies through WxJava to WeChat's API as WireMock, member-service and payment-service as
 * WireMock: keyword replies (valid and forged pushes, redeliveries, a runaway regex), a person's answer inside the
 * 48 h window, and a return from the shopper's request through an approved refund (retried when payment-service was
 * down, under the same refund number), refusals, escalation past the SLA and tenant scoping.
 */
@ServiceIT
class SupportIT {

    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer paymentService = new WireMockServer(wireMockConfig().dynamicPort());
    static final String TOKEN = "siyuPushToken";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String APP_ID = "wx-mall";

    static {
        for (WireMockServer server : List.of(wechat, memberService, paymentService)) {
            server.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(wechat, memberService, paymentService).forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", wechat::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.payment-service[0].uri", paymentService::baseUrl);
        registry.add("siyu.touchpoint.work-order-interval", () -> "PT1H");
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
    WorkOrders workOrders;

    long tenant;
    long member;
    HttpHeaders admin;
    HttpHeaders agent;

    @BeforeEach
    void tenantWithPush() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        member = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        admin = Http.staff(tenant, 2, "TENANT_ADMIN");
        agent = Http.staff(tenant, 5, "SERVICE_AGENT");
        for (WireMockServer server : List.of(wechat, memberService, paymentService)) {
            server.resetAll();
        }
        memberService.stubFor(get(urlEqualTo("/internal/wechat/mini-program/access-token"))
                .willReturn(okJson("{\"appId\":\"" + APP_ID + "\",\"accessToken\":\"token-" + tenant + "\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/members/lookup")).willReturn(okJson("{\"id\":" + member + "}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/contacts")).willReturn(okJson("[{\"id\":" + member + ",\"nickname\":\"小爱\"}]")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        ResponseEntity<String> account = http.exchange("/admin/v1/touchpoint/customer-service", HttpMethod.PUT, new HttpEntity<>(Map.of("token", TOKEN,
                "encodingAesKey", AES_KEY), Http.write(admin)), String.class);
        assertThat(account.getStatusCode().value()).as(account.getBody()).isEqualTo(200);
    }

    @Test
    void signedPushesAreAnsweredByKeywordRulesOnceAndTheRestWaitForAPerson() throws Exception {
        rule("EXACT", "营业时间", 10, Map.of("type", "TEXT", "text", "每天 10:00-22:00"));
        rule("CONTAINS", "停车", 20, Map.of("type", "CARD", "title", "停车缴费", "page", "pages/parking/index", "thumbMediaId", "media-1"));
        // a pattern that backtracks without end on "aaaa…c": given up on, it must not hold the push
        rule("REGEX", "(a+)+b", 0, Map.of("type", "TEXT", "text", "never"));
        assertThat(http.exchange("/admin/v1/touchpoint/keyword-rules", HttpMethod.POST, new HttpEntity<>(Map.of("matchType", "REGEX", "pattern", "([a-",
                "priority", 1, "reply", Map.of("type", "TEXT", "text", "x")), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/touchpoint/keyword-rules", HttpMethod.POST, new HttpEntity<>(Map.of("matchType", "EXACT", "pattern", "卡",
                "priority", 1, "reply", Map.of("type", "CARD", "title", "会员卡")), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(400);

        // WeChat's URL check: the tenant's signature echoes, another's is refused
        String ts = String.valueOf(Instant.now().getEpochSecond());
        ResponseEntity<String> echo = http.getForEntity("/api/v1/touchpoint/wechat/messages/" + tenant + "?signature=" + SHA1.gen(TOKEN, ts, "n1")
                + "&timestamp=" + ts + "&nonce=n1&echostr=hello123", String.class);
        assertThat(echo.getBody()).isEqualTo("hello123");
        assertThat(http.getForEntity("/api/v1/touchpoint/wechat/messages/" + tenant + "?signature=" + SHA1.gen("other", ts, "n1")
                + "&timestamp=" + ts + "&nonce=n1&echostr=hello123", String.class).getStatusCode().value()).isEqualTo(401);

        String openId = "o-shopper-" + member;
        assertThat(push(text(openId, "营业时间", 1001)).getBody()).isEqualTo("success");
        // WeChat delivers the same message again (it did not hear our answer in time): answered once
        assertThat(push(text(openId, "营业时间", 1001)).getStatusCode().value()).isEqualTo(200);
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("token-" + tenant))
                .withRequestBody(matchingJsonPath("$.touser", equalTo(openId))).withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("每天 10:00-22:00"))));
        JsonNode conversations = read(http.exchange("/admin/v1/touchpoint/conversations", HttpMethod.GET, new HttpEntity<>(agent), String.class));
        assertThat(conversations).hasSize(1);
        long conversation = conversations.get(0).path("id").asLong();
        assertThat(conversations.get(0).path("memberId").asLong()).isEqualTo(member);
        assertThat(conversations.get(0).path("status").asText()).isEqualTo("BOT");

        // forged: another token signed it; nothing recorded, nothing answered
        String forged = new WxCryptUtil("otherToken", AES_KEY, APP_ID).encrypt(text(openId, "营业时间", 1002));
        assertThat(pushXml(forged).getStatusCode().value()).isEqualTo(401);
        // for another app id: refused too
        assertThat(pushXml(new WxCryptUtil(TOKEN, AES_KEY, "wx-other").encrypt(text(openId, "营业时间", 1003))).getStatusCode().value()).isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from tp_cs_message where tenant_id = ?", Integer.class, tenant)).isEqualTo(2);

        push(text(openId, "我想交停车费", 1004));
        wechat.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withRequestBody(matchingJsonPath("$.msgtype",
                equalTo("miniprogrampage"))).withRequestBody(matchingJsonPath("$.miniprogrampage.pagepath", equalTo("pages/parking/index")))
                .withRequestBody(matchingJsonPath("$.miniprogrampage.thumb_media_id", equalTo("media-1"))));

        long started = System.nanoTime();
        push(text(openId, "a".repeat(40) + "c", 1005));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        JsonNode waiting = read(http.exchange("/admin/v1/touchpoint/conversations?status=WAITING", HttpMethod.GET, new HttpEntity<>(agent), String.class));
        assertThat(waiting.findValuesAsText("id")).containsExactly(String.valueOf(conversation));
        wechat.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
        // another tenant sees none of it; a cashier is not customer service
        assertThat(read(http.exchange("/admin/v1/touchpoint/conversations", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 5, "SERVICE_AGENT")),
                String.class))).isEmpty();
        assertThat(http.exchange("/admin/v1/touchpoint/conversations", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 6, "CASHIER")), String.class)
                .getStatusCode().value()).isEqualTo(403);

        // a person answers, inside the window
        ResponseEntity<String> answer = http.exchange("/admin/v1/touchpoint/conversations/" + conversation + "/replies", HttpMethod.POST,
                new HttpEntity<>(Map.of("text", "您好，请问有什么可以帮您？"), Http.write(agent)), String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        assertThat(read(http.exchange("/admin/v1/touchpoint/conversations/" + conversation + "/messages", HttpMethod.GET, new HttpEntity<>(agent),
                String.class)).findValuesAsText("direction")).containsExactly("OUT", "IN", "OUT", "IN", "OUT", "IN");
        // two days later WeChat would refuse it: so do we, and nothing goes out
        jdbc.update("update tp_conversation set last_inbound_at = ? where id = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(49))), conversation);
        ResponseEntity<String> late = http.exchange("/admin/v1/touchpoint/conversations/" + conversation + "/replies", HttpMethod.POST,
                new HttpEntity<>(Map.of("text", "还在吗"), Http.write(agent)), String.class);
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(read(late).path("code").asText()).isEqualTo("OUTSIDE_SERVICE_WINDOW");
        wechat.verify(3, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void aReturnRequestGoesThroughAnApprovedRefundOnceWithPointsAndCouponsBack() throws Exception {
        String paymentNo = "PAY" + member;
        paymentService.stubFor(get(urlEqualTo("/api/v1/payment/payments/" + paymentNo)).willReturn(okJson("{\"paymentNo\":\"" + paymentNo
                + "\",\"memberId\":" + member + ",\"status\":\"PAID\",\"orders\":[{\"orderNo\":\"" + paymentNo + "-1\",\"storeId\":7,\"grossFen\":10000,"
                + "\"refundedGrossFen\":2000}]}")));
        paymentService.stubFor(get(urlEqualTo("/api/v1/payment/payments/PAY-NOT-MINE")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));
        HttpHeaders shopper = Http.member(tenant, member);

        // bad input changes nothing
        assertShopperRefused(Map.of("kind", "RETURN", "title", "退货", "paymentNo", "PAY-NOT-MINE", "orderNo", "PAY-NOT-MINE-1"), "paymentNo");
        assertShopperRefused(Map.of("kind", "RETURN", "title", "退货", "paymentNo", paymentNo, "orderNo", paymentNo + "-9"), "orderNo");
        assertShopperRefused(Map.of("kind", "RETURN", "title", "退货", "paymentNo", paymentNo, "orderNo", paymentNo + "-1", "amountFen", 8_001), "amountFen");
        assertShopperRefused(Map.of("kind", "RETURN", "title", "退货"), "paymentNo");
        assertShopperRefused(Map.of("kind", "INQUIRY", "title", "问"), "kind");
        assertThat(jdbc.queryForObject("select count(*) from tp_work_order where tenant_id = ?", Integer.class, tenant)).isZero();

        ResponseEntity<String> opened = http.exchange("/api/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "RETURN",
                "title", "尺码不合适", "detail", "想退掉这件外套", "paymentNo", paymentNo, "orderNo", paymentNo + "-1"), Http.write(shopper)), String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        JsonNode order = read(opened);
        long id = order.path("id").asLong();
        assertThat(order.path("status").asText()).isEqualTo("OPEN");
        assertThat(order.path("role").asText()).isEqualTo("SERVICE_AGENT");
        assertThat(order.path("storeId").asLong()).isEqualTo(7);
        assertThat(Instant.parse(order.path("dueAt").asText())).isBetween(Instant.now().plus(Duration.ofHours(23)), Instant.now().plus(Duration.ofHours(25)));
        // the cashier of another store and another tenant do not see it; the shopper sees their own
        assertThat(http.exchange("/admin/v1/touchpoint/work-orders/" + id, HttpMethod.GET, new HttpEntity<>(Http.staffAt(tenant, 9, 8, "CASHIER")),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/touchpoint/work-orders/" + id, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 5, "SERVICE_AGENT")),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/touchpoint/work-orders/" + id, HttpMethod.GET, new HttpEntity<>(Http.member(tenant, member + 1)), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(read(http.exchange("/api/v1/touchpoint/work-orders", HttpMethod.GET, new HttpEntity<>(shopper), String.class))).hasSize(1);
        // a cashier may not approve refunds here
        assertThat(action(id, "approval", Http.staffAt(tenant, 9, 7, "CASHIER")).getStatusCode().value()).isEqualTo(403);

        assertThat(read(action(id, "assignment", agent)).path("status").asText()).isEqualTo("ASSIGNED");
        assertThat(read(http.exchange("/admin/v1/touchpoint/work-orders/" + id + "/notes", HttpMethod.POST, new HttpEntity<>(Map.of("note",
                "已与顾客确认吊牌完好"), Http.write(agent)), String.class)).path("status").asText()).isEqualTo("ASSIGNED");

        // payment-service is down when it is approved: the refund number is kept and the approval can be retried
        paymentService.stubFor(post(urlEqualTo("/internal/payment/refunds")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503,\"code\":\"UNAVAILABLE\"}")));
        ResponseEntity<String> down = action(id, "approval", agent);
        assertThat(down.getStatusCode().value()).as(down.getBody()).isEqualTo(503);
        assertThat(read(down).path("code").asText()).isEqualTo("REFUND_UNAVAILABLE");
        String refundNo = jdbc.queryForObject("select refund_no from tp_work_order where id = ?", String.class, id);
        assertThat(refundNo).matches("RW[0-9A-F]{24}");
        paymentService.stubFor(post(urlEqualTo("/internal/payment/refunds")).willReturn(okJson("{\"refundNo\":\"" + refundNo + "\",\"status\":\"SUCCEEDED\","
                + "\"grossFen\":8000,\"pointsReturned\":500,\"restoredCouponIds\":[88]}")));
        ResponseEntity<String> approved = action(id, "approval", agent);
        assertThat(approved.getStatusCode().value()).as(approved.getBody()).isEqualTo(200);
        JsonNode done = read(approved);
        assertThat(done.path("status").asText()).isEqualTo("RESOLVED");
        assertThat(done.path("refundedFen").asLong()).isEqualTo(8_000);
        assertThat(done.path("pointsReturned").asLong()).isEqualTo(500);
        assertThat(done.path("restoredCouponIds").get(0).asLong()).isEqualTo(88);
        // every call named the same refund (the JDK's HTTP client may itself resend a POST whose answer it lost): payment-service
        // refunds it once however often it is asked
        List<LoggedRequest> calls = paymentService.findAll(postRequestedFor(urlEqualTo("/internal/payment/refunds")));
        assertThat(calls.size()).isBetween(2, 3);
        for (LoggedRequest call : calls) {
            JsonNode body = json.readTree(call.getBodyAsString());
            assertThat(body.path("refundNo").asText()).isEqualTo(refundNo);
            assertThat(body.path("orderNo").asText()).isEqualTo(paymentNo + "-1");
            assertThat(body.path("staffId").asLong()).isEqualTo(5);
        }
        // resolved once; approving again is a conflict and calls nobody
        assertThat(action(id, "approval", agent).getStatusCode().value()).isEqualTo(409);
        assertThat(paymentService.findAll(postRequestedFor(urlEqualTo("/internal/payment/refunds")))).hasSize(calls.size());
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and type = 'WorkOrderResolved'", Integer.class, tenant))
                .isEqualTo(1);
        JsonNode history = read(http.exchange("/api/v1/touchpoint/work-orders/" + id, HttpMethod.GET, new HttpEntity<>(shopper), String.class))
                .path("history");
        // (the test's own HTTP client resends a POST answered 503 once in a while: a second REFUND_UNKNOWN then, same refund number)
        List<String> actions = history.findValuesAsText("action");
        assertThat(actions).startsWith("OPENED", "TAKEN", "NOTE", "APPROVED", "REFUND_UNKNOWN").endsWith("REFUND_RETRIED", "REFUNDED");
        assertThat(actions.stream().filter("REFUNDED"::equals)).hasSize(1);

        // a second return payment-service refuses (more than is left): back to the agent with why, no refund number kept
        long second = read(http.exchange("/api/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "RETURN", "title", "再退",
                "paymentNo", paymentNo, "orderNo", paymentNo + "-1"), Http.write(shopper)), String.class)).path("id").asLong();
        paymentService.stubFor(post(urlEqualTo("/internal/payment/refunds")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":409,\"code\":\"REFUND_EXCEEDS_ORDER\",\"detail\":\"nothing left\"}")));
        ResponseEntity<String> refused = action(second, "approval", agent);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("REFUND_REFUSED");
        Map<String, Object> row = jdbc.queryForMap("select status, refund_no from tp_work_order where id = ?", second);
        assertThat(row.get("status")).isEqualTo("ASSIGNED");
        assertThat(row.get("refund_no")).isNull();
        assertThat(read(action(second, "rejection", agent)).path("status").asText()).isEqualTo("REJECTED");

        // a refund still processing at WeChat Pay resolves the work order when payment-service says it succeeded
        long third = read(http.exchange("/api/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "RETURN", "title", "三退",
                "paymentNo", paymentNo, "orderNo", paymentNo + "-1", "amountFen", 100), Http.write(shopper)), String.class)).path("id").asLong();
        paymentService.stubFor(post(urlEqualTo("/internal/payment/refunds")).willReturn(okJson("{\"refundNo\":\"x\",\"status\":\"PROCESSING\","
                + "\"grossFen\":100,\"pointsReturned\":0,\"restoredCouponIds\":[]}")));
        assertThat(read(action(third, "approval", agent)).path("status").asText()).isEqualTo("REFUNDING");
        String thirdRefund = jdbc.queryForObject("select refund_no from tp_work_order where id = ?", String.class, third);
        refunded(thirdRefund, paymentNo, 100);
        refunded(thirdRefund, paymentNo, 100);
        assertThat(jdbc.queryForObject("select status from tp_work_order where id = ?", String.class, third)).isEqualTo("RESOLVED");
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and type = 'WorkOrderResolved'", Integer.class, tenant))
                .isEqualTo(3);
    }

    @Test
    void aComplaintPastItsSlaGoesToTheManagerOnce() throws Exception {
        ResponseEntity<String> route = http.exchange("/admin/v1/touchpoint/work-order-routes/COMPLAINT", HttpMethod.PUT, new HttpEntity<>(Map.of("role",
                "GUIDE", "slaHours", 2), Http.write(admin)), String.class);
        assertThat(route.getStatusCode().value()).as(route.getBody()).isEqualTo(200);
        ResponseEntity<String> opened = http.exchange("/admin/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "COMPLAINT",
                "memberId", member, "storeId", 7, "title", "导购态度"), Http.write(Http.staffAt(tenant, 11, 7, "GUIDE"))), String.class);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        long id = read(opened).path("id").asLong();
        assertThat(read(opened).path("role").asText()).isEqualTo("GUIDE");
        // a member another tenant has is nobody here
        memberService.stubFor(post(urlEqualTo("/internal/members/contacts")).willReturn(okJson("[]")));
        assertThat(http.exchange("/admin/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "COMPLAINT", "memberId", member + 1,
                "title", "x"), Http.write(agent)), String.class).getStatusCode().value()).isEqualTo(400);

        Instant later = Instant.now().plus(Duration.ofHours(3));
        workOrders.escalate(later);
        workOrders.escalate(later);
        Map<String, Object> row = jdbc.queryForMap("select status, role, escalations, due_at from tp_work_order where id = ?", id);
        assertThat(row.get("role")).isEqualTo("MANAGER");
        assertThat(row.get("escalations")).isEqualTo(1);
        assertThat(jdbc.queryForObject("select due_at from tp_work_order where id = ?", Timestamp.class, id).toInstant()).isAfter(later);
        JsonNode history = read(http.exchange("/admin/v1/touchpoint/work-orders/" + id, HttpMethod.GET, new HttpEntity<>(agent), String.class))
                .path("history");
        assertThat(history.findValuesAsText("action")).containsExactly("OPENED", "ESCALATED");
        // the guide's queue no longer holds it; a manager takes and resolves it
        assertThat(action(id, "assignment", Http.staffAt(tenant, 11, 7, "GUIDE")).getStatusCode().value()).isEqualTo(403);
        HttpHeaders manager = Http.staffAt(tenant, 12, 7, "MANAGER");
        assertThat(read(action(id, "assignment", manager)).path("assigneeStaffId").asLong()).isEqualTo(12);
        assertThat(read(http.exchange("/admin/v1/touchpoint/work-orders/" + id + "/resolution", HttpMethod.POST, new HttpEntity<>(Map.of("note",
                "已致歉并培训"), Http.write(manager)), String.class)).path("status").asText()).isEqualTo("RESOLVED");
        assertThat(read(http.exchange("/admin/v1/touchpoint/work-orders?status=RESOLVED", HttpMethod.GET, new HttpEntity<>(Http.staffAt(tenant, 13, 8,
                "MANAGER")), String.class))).isEmpty();
    }

    private void rule(String type, String pattern, int priority, Map<String, Object> reply) {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/keyword-rules", HttpMethod.POST, new HttpEntity<>(Map.of("matchType", type,
                "pattern", pattern, "priority", priority, "reply", reply), Http.write(admin)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
    }

    private static String text(String openId, String content, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_mall]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName><CreateTime>"
                + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content
                + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private ResponseEntity<String> push(String plainXml) {
        return pushXml(new WxCryptUtil(TOKEN, AES_KEY, APP_ID).encrypt(plainXml));
    }

    /** Posts an encrypted push as WeChat does: the URL carries the token's signature and msg_signature, the body the Encrypt part. */
    private ResponseEntity<String> pushXml(String encryptedXml) {
        String timestamp = tag(encryptedXml, "TimeStamp");
        String nonce = tag(encryptedXml, "Nonce");
        String msgSignature = tag(encryptedXml, "MsgSignature");
        String body = "<xml><ToUserName><![CDATA[gh_mall]]></ToUserName><Encrypt><![CDATA[" + tag(encryptedXml, "Encrypt") + "]]></Encrypt></xml>";
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        return http.exchange("/api/v1/touchpoint/wechat/messages/" + tenant + "?signature=" + SHA1.gen(TOKEN, timestamp, nonce) + "&timestamp=" + timestamp
                + "&nonce=" + nonce + "&openid=x&encrypt_type=aes&msg_signature=" + msgSignature, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + xml);
        }
        return m.group(1);
    }

    private ResponseEntity<String> action(long id, String action, HttpHeaders who) {
        return http.exchange("/admin/v1/touchpoint/work-orders/" + id + "/" + action, HttpMethod.POST, new HttpEntity<>(Map.of(), Http.write(who)),
                String.class);
    }

    private void assertShopperRefused(Map<String, Object> body, String named) {
        ResponseEntity<String> r = http.exchange("/api/v1/touchpoint/work-orders", HttpMethod.POST, new HttpEntity<>(body, Http.write(Http.member(tenant,
                member))), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        assertThat(r.getBody()).contains(named);
    }

    private void refunded(String refundNo, String paymentNo, long fen) {
        Map<String, Object> data = Map.of("refundNo", refundNo, "paymentNo", paymentNo, "orderNo", paymentNo + "-1", "memberId", member,
                "grossFen", fen, "refundedAt", Instant.now().toString());
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "PaymentRefunded", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "payment-service.PaymentRefunded",
                json.valueToTree(envelope), 1))).isEqualTo(Inbox.Outcome.APPLIED);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (java.io.IOException e) {
            throw new AssertionError(response.getBody(), e);
        }
    }
}
