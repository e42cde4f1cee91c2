package com.siyu.touchpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.touchpoint.campaign.domain.Campaigns;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * Campaigns against MariaDB, with member-service as a WireMock extension holding thousands of members, WeChat's API and
 * Aliyun's SMS API as WireMock (through WxJava and the signed HTTP call), coupon-service as WireMock: a 5,000-member
 * segment sent within quotas, caps and quiet hours exactly, the job dying half way and starting over, the fallback
 * chain, A/B arms, coupons at send time, deferral at a cap, best hours, cancellation, bad input and other tenants.
 */
@ServiceIT
class CampaignIT {

    static final FakeMemberService members = new FakeMemberService();
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort().extensions(members));
    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer aliyun = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer couponService = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer guideService = new WireMockServer(wireMockConfig().dynamicPort());
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String TEMPLATE = "tmpl-campaign";
    static final String SMS_TEMPLATE = "SMS_300001";
    static final String SECRET = "aliyun-secret-of-the-mall";

    static {
        for (WireMockServer server : List.of(memberService, wechat, aliyun, couponService, guideService)) {
            server.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(memberService, wechat, aliyun, couponService, guideService)
                .forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", wechat::baseUrl);
        registry.add("siyu.touchpoint.sms-endpoint", aliyun::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.coupon-service[0].uri", couponService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.guide-service[0].uri", guideService::baseUrl);
        registry.add("siyu.touchpoint.dispatch-interval", () -> "PT1H");
        registry.add("siyu.touchpoint.campaign-interval", () -> "PT1H");
        registry.add("siyu.touchpoint.channel-rates.MINI_SUBSCRIBE", () -> "2000");
        registry.add("siyu.touchpoint.channel-rates.SMS", () -> "1000");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Sends sends;
    @Autowired
    Campaigns campaigns;
    @Autowired
    com.siyu.common.inbox.Inbox inbox;

    long tenant;
    HttpHeaders operator;
    long segment;

    @BeforeEach
    void tenantWithChannels() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        segment = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        operator = Http.staff(tenant, 2, "TENANT_ADMIN");
        members.reset();
        for (WireMockServer server : List.of(memberService, wechat, aliyun, couponService, guideService)) {
            server.resetAll();
        }
        memberService.stubFor(any(urlPathMatching("/internal/(segments/.*|members/contacts|members/mini-program-openids|members/mp-openids)"))
                .willReturn(aResponse().withTransformers(FakeMemberService.NAME)));
        memberService.stubFor(get(urlEqualTo("/internal/wechat/mini-program/access-token"))
                .willReturn(okJson("{\"appId\":\"wx-mall\",\"accessToken\":\"token-" + tenant + "\"}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"9001\"}")));
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746\",\"RequestId\":\"F655A8D5\"}")));
        ResponseEntity<String> account = http.exchange("/admin/v1/touchpoint/sms-account", HttpMethod.PUT, new HttpEntity<>(Map.of("provider", "ALIYUN",
                "accessKeyId", "LTAI5tMall", "accessKeySecret", SECRET, "signName", "思域商场"), Http.write(operator)), String.class);
        assertThat(account.getStatusCode().value()).as(account.getBody()).isEqualTo(200);
    }

    @Test
    void aFiveThousandMemberCampaignIsMadeOnceAndSentWithinQuotasCapsAndQuietHoursThroughTheFallbackChain() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            long id = base + i;
            boolean openId = i < 150 || i >= 200;
            audience.add(new FakeMemberService.Member(id, "会员" + i, i < 4_500 ? "1380000" + String.format("%04d", i) : null, openId ? "o-" + id : null));
        }
        members.segment(segment, audience);
        // quotas: the first 4,000 tapped "allow" once; 100..149 then unsubscribed from subscription messages
        jdbc.batchUpdate("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, ?, 1, 1, now())",
                audience.subList(0, 4_000), 1_000, (ps, m) -> {
                    ps.setLong(1, tenant);
                    ps.setLong(2, m.id());
                    ps.setString(3, TEMPLATE);
                });
        for (int i = 100; i < 150; i++) {
            jdbc.update("insert into tp_unsubscribe (tenant_id, member_id, channel, at) values (?, ?, 'MINI_SUBSCRIBE', now())", tenant, base + i);
        }
        // the quiet evening it is made in, and the next day at noon when it goes out; the first 100 had 2 messages that morning
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        Instant evening = day.atTime(22, 0).atZone(SHANGHAI).toInstant();
        Instant noon = day.plusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < 100; i++) {
            for (int k = 0; k < 2; k++) {
                jdbc.update("insert into tp_send (tenant_id, member_id, channel, template_id, data, preset, source_key, status, due_at, sent_at, created_at)"
                        + " values (?, ?, 'MINI_SUBSCRIBE', 'earlier', '{}', 'POST_PAYMENT', ?, 'SENT', ?, ?, ?)", tenant, base + i, "earlier:" + i + ":" + k,
                        Timestamp.from(noon.minusSeconds(7_200)), Timestamp.from(noon.minusSeconds(3_600 * (k + 1))), Timestamp.from(noon.minusSeconds(7_200)));
            }
        }
        long id = create(Map.of("name", "周末焕新", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(
                arm("A", 50, "你好{name}", "本周会员日"), arm("B", 50, "{name}，好久不见", "会员日回馈"))));
        activate(id);

        // member-service fails on the fourth page: the job stops there with three pages made, and says why
        members.failAfter.set(base + 1_499);
        Campaigns.Advanced first = campaigns.advance(evening, 40);
        JsonNode stopped = read("/admin/v1/touchpoint/campaigns/" + id);
        assertThat(stopped.path("status").asText()).isEqualTo("RUNNING");
        assertThat(stopped.path("sendsMade").asLong()).isEqualTo(1_500);
        assertThat(stopped.path("lastError").asText()).isNotEmpty();
        assertThat(first.failed()).isGreaterThanOrEqualTo(1);
        // it comes back; worse, the job's place is lost (cursor back to the start): every page is done again, no send made twice
        members.failAfter.set(-1);
        jdbc.update("update tp_campaign set cursor_after = 0 where id = ?", id);
        campaigns.advance(evening, 40);
        JsonNode done = read("/admin/v1/touchpoint/campaigns/" + id);
        assertThat(done.path("status").asText()).isEqualTo("DONE");
        assertThat(done.path("sendsMade").asLong()).isEqualTo(5_000);
        assertThat(count("campaign_id = " + id)).isEqualTo(5_000);
        assertThat(jdbc.queryForObject("select count(distinct member_id) from tp_send where tenant_id = ? and campaign_id = ?", Integer.class, tenant, id))
                .isEqualTo(5_000);
        // made in the quiet evening: nothing goes out, everything waits for 09:00
        drain(evening);
        wechat.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
        assertThat(count("campaign_id = " + id + " and status = 'QUEUED' and deferred_for = 'QUIET_HOURS'")).isEqualTo(5_000);
        // a dispatcher died after claiming one send: whether it went out is unknown, so it never goes (again)
        long claimed = base + 300;
        jdbc.update("update tp_send set status = 'SENDING', claimed_at = ? where tenant_id = ? and campaign_id = ? and member_id = ?",
                Timestamp.from(noon.minusSeconds(3_600)), tenant, id, claimed);

        long started = System.nanoTime();
        int dispatched = drain(noon);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[campaign] %d sends dispatched in %.1f s: %.0f sends/s (WeChat and SMS as WireMock, paced at 2,000 and 1,000/s)%n",
                dispatched, seconds, dispatched / seconds);

        // exactly: 100 capped, 3,799 subscription messages, 600 SMS by fallback (50 unsubscribed, 50 without openid, 500 without quota),
        // 500 with neither quota nor phone, 1 unknown
        assertThat(reasons(id)).containsExactlyInAnyOrderEntriesOf(Map.of("SKIPPED DAILY_CAP", 100, "SENT MINI_SUBSCRIBE", 3_799, "SENT SMS", 600,
                "SKIPPED NO_PHONE", 500, "FAILED OUTCOME_UNKNOWN", 1));
        wechat.verify(3_799, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")));
        aliyun.verify(600, postRequestedFor(urlEqualTo("/")));
        assertThat(count("campaign_id = " + id + " and member_id = " + claimed + " and status = 'FAILED'")).isEqualTo(1);
        // the chain was noted: why the subscription message could not be used
        assertThat(jdbc.queryForList("select tried from tp_send where tenant_id = ? and campaign_id = ? and channel = 'SMS' and status = 'SENT'",
                String.class, tenant, id)).containsOnly("MINI_SUBSCRIBE:UNSUBSCRIBED", "MINI_SUBSCRIBE:NO_OPENID", "MINI_SUBSCRIBE:NO_QUOTA")
                .hasSize(600);
        // quotas: one taken per subscription message, none from the capped, the unsubscribed or the one that never went
        assertThat(jdbc.queryForObject("select sum(quota) from tp_subscription_quota where tenant_id = ?", Integer.class, tenant)).isEqualTo(4_000 - 3_799);
        // no member got more than the daily cap that day
        assertThat(jdbc.queryForObject("select max(n) from (select count(*) n from tp_send where tenant_id = ? and status = 'SENT' and sent_at >= ?"
                + " group by member_id) t", Integer.class, tenant, Timestamp.from(day.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))).isEqualTo(2);
        // the SMS request is Aliyun's SendSms, signed with the tenant's secret, filled for the member
        LoggedRequest sms = aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
        Map<String, String> form = form(sms.getBodyAsString());
        assertThat(form).containsEntry("Action", "SendSms").containsEntry("Version", "2017-05-25").containsEntry("AccessKeyId", "LTAI5tMall")
                .containsEntry("SignName", "思域商场").containsEntry("TemplateCode", SMS_TEMPLATE).containsEntry("SignatureMethod", "HMAC-SHA1");
        assertThat(form.get("Signature")).isEqualTo(aliyunSignature(form, SECRET));
        assertThat(json.readTree(form.get("TemplateParam")).path("name").asText()).startsWith("会员");
        // the report, per arm: the split is near half and half, and the arms add up
        JsonNode report = read("/admin/v1/touchpoint/campaigns/" + id + "/report");
        long sent = 0;
        for (JsonNode arm : report.path("arms")) {
            assertThat(arm.path("sends").asLong()).isBetween(2_300L, 2_700L);
            sent += arm.path("sent").asLong();
            assertThat(arm.path("fellBack").asLong()).isPositive();
        }
        assertThat(report.path("arms")).hasSize(2);
        assertThat(sent).isEqualTo(4_399);
        // every send's first text is its arm's
        assertThat(jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and campaign_id = ? and arm = 'B' and channel = 'MINI_SUBSCRIBE'"
                + " and data like '%好久不见%'", Integer.class, tenant, id)).isEqualTo(count("campaign_id = " + id + " and arm = 'B' and channel = 'MINI_SUBSCRIBE'"));
    }

    @Test
    void couponsAreGrantedOnceAtSendTimeCapsDeferBestHoursWaitAndBadInputOrOtherTenantsChangeNothing() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            audience.add(new FakeMemberService.Member(base + i, "会员" + i, "1390000000" + i, "o-" + (base + i)));
        }
        members.segment(segment, audience);
        for (FakeMemberService.Member m : audience) {
            jdbc.update("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, ?, 1, 1, now())",
                    tenant, m.id(), TEMPLATE);
        }
        couponService.stubFor(get(urlEqualTo("/internal/coupon/templates/77"))
                .willReturn(okJson("{\"id\":77,\"name\":\"满100减20\",\"status\":\"ACTIVE\",\"type\":\"CASH\"}")));
        couponService.stubFor(get(urlEqualTo("/internal/coupon/templates/78")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));
        couponService.stubFor(post(urlEqualTo("/internal/coupon/grants")).willReturn(okJson("{\"id\":555,\"templateId\":77,\"status\":\"ACTIVE\"}")));
        // stock ran out for member 5
        couponService.stubFor(post(urlEqualTo("/internal/coupon/grants")).atPriority(1).withRequestBody(matchingJsonPath("$.memberId",
                equalTo(String.valueOf(base + 5)))).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"OUT_OF_STOCK\",\"detail\":\"no stock left\"}")));
        ResponseEntity<String> words = http.exchange("/admin/v1/touchpoint/sensitive-words", HttpMethod.POST, new HttpEntity<>(Map.of("words",
                List.of("最后一天", "稳赚")), Http.write(operator)), String.class);
        assertThat(words.getStatusCode().value()).as(words.getBody()).isEqualTo(200);

        // bad input: each is refused with the field named, and nothing is made
        Map<String, Object> good = new LinkedHashMap<>(Map.of("name", "会员日", "segmentId", segment, "startAt", Instant.now().toString(),
                "couponTemplateId", 77, "onCap", "DEFER", "bestHour", true, "arms", List.of(arm("A", 1, "{name}领{coupon}", "会员日"))));
        assertRefused(with(good, "arms", List.of(arm("A", 1, "{name}，最后一天", "会员日"))), 400, "arms[0].channels[0].fields.thing1");
        assertRefused(with(good, "arms", List.of(arm("A", 1, "{nickname}", "会员日"))), 400, "{nickname}");
        assertRefused(with(good, "segmentId", segment + 1), 400, "segmentId");
        assertRefused(with(good, "couponTemplateId", 78), 400, "couponTemplateId");
        assertRefused(with(good, "arms", List.of(Map.of("name", "A", "weight", 1, "channels", List.of(Map.of("channel", "WECOM", "templateId", "t",
                "fields", Map.of("thing1", "x")))))), 400, "WECOM");
        assertRefused(with(good, "arms", List.of(arm("A", 1, "x", "y"), arm("A", 1, "x", "y"))), 400, "arms[1].name");
        assertRefused(with(good, "arms", List.of()), 400, "arms");
        assertThat(jdbc.queryForObject("select count(*) from tp_campaign where tenant_id = ?", Integer.class, tenant)).isZero();

        // the daily cap is 1 and member 1 had a message today: deferred to tomorrow, not skipped; member 2 opens messages at 19:00
        ResponseEntity<String> policy = http.exchange("/admin/v1/touchpoint/contact-policy", HttpMethod.PUT, new HttpEntity<>(Map.of("dailyCap", 1,
                "weeklyCap", 6), Http.write(operator)), String.class);
        assertThat(policy.getStatusCode().value()).as(policy.getBody()).isEqualTo(200);
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(2);
        Instant morning = day.atTime(10, 0).atZone(SHANGHAI).toInstant();
        jdbc.update("insert into tp_send (tenant_id, member_id, channel, template_id, data, preset, source_key, status, due_at, sent_at, created_at)"
                + " values (?, ?, 'MINI_SUBSCRIBE', 'earlier', '{}', 'POST_PAYMENT', 'earlier', 'SENT', ?, ?, ?)", tenant, base + 1,
                Timestamp.from(morning.minusSeconds(600)), Timestamp.from(morning.minusSeconds(600)), Timestamp.from(morning.minusSeconds(600)));
        for (int d = 1; d <= 3; d++) {
            jdbc.update("insert into tp_click (tenant_id, send_id, member_id, clicked_at) values (?, 0, ?, ?)", tenant, base + 2,
                    Timestamp.from(day.minusDays(d).atTime(19, 20).atZone(SHANGHAI).toInstant()));
        }
        ResponseEntity<String> made = http.exchange("/admin/v1/touchpoint/campaigns", HttpMethod.POST, new HttpEntity<>(good, Http.write(operator)),
                String.class);
        assertThat(made.getStatusCode().value()).as(made.getBody()).isEqualTo(201);
        long id = json.readTree(made.getBody()).path("id").asLong();
        assertThat(json.readTree(made.getBody()).path("status").asText()).isEqualTo("DRAFT");
        // another tenant sees nothing of it and cannot act on it
        HttpHeaders other = Http.staff(tenant + 1, 2, "TENANT_ADMIN");
        assertThat(http.exchange("/admin/v1/touchpoint/campaigns/" + id, HttpMethod.GET, new HttpEntity<>(other), String.class).getStatusCode().value())
                .isEqualTo(404);
        assertThat(http.exchange("/admin/v1/touchpoint/campaigns/" + id + "/activation", HttpMethod.POST, new HttpEntity<>(Http.write(other)),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/touchpoint/campaigns/" + id, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 3, "CASHIER")),
                String.class).getStatusCode().value()).isEqualTo(403);
        activate(id);
        assertThat(http.exchange("/admin/v1/touchpoint/campaigns/" + id + "/activation", HttpMethod.POST, new HttpEntity<>(Http.write(operator)),
                String.class).getStatusCode().value()).isEqualTo(409);
        campaigns.advance(morning, 40);
        assertThat(read("/admin/v1/touchpoint/campaigns/" + id).path("status").asText()).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select due_at from tp_send where tenant_id = ? and member_id = ?", Timestamp.class, tenant, base + 2).toInstant())
                .isEqualTo(day.atTime(19, 0).atZone(SHANGHAI).toInstant());

        drain(morning);
        assertThat(statusOf(base + 0)).isEqualTo("SENT null");
        assertThat(statusOf(base + 1)).isEqualTo("QUEUED DAILY_CAP");
        assertThat(statusOf(base + 2)).isEqualTo("QUEUED null");
        assertThat(statusOf(base + 5)).isEqualTo("SKIPPED COUPON_UNAVAILABLE");
        // member 5's quota came back: the message without its coupon never went
        assertThat(jdbc.queryForObject("select quota from tp_subscription_quota where tenant_id = ? and member_id = ?", Integer.class, tenant, base + 5))
                .isEqualTo(1);
        wechat.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(matchingJsonPath("$.touser",
                equalTo("o-" + base))).withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("会员0领满100减20"))));
        // the evening: member 2 in their best hour; the next morning member 1 (the cap has lifted; quiet hours end at 9)
        drain(day.atTime(19, 0).atZone(SHANGHAI).toInstant());
        assertThat(statusOf(base + 2)).isEqualTo("SENT null");
        assertThat(jdbc.queryForObject("select due_at from tp_send where tenant_id = ? and member_id = ? and campaign_id = ?", Timestamp.class, tenant,
                base + 1, id).toInstant()).isEqualTo(day.plusDays(1).atTime(9, 0).atZone(SHANGHAI).toInstant());
        drain(day.plusDays(1).atTime(9, 30).atZone(SHANGHAI).toInstant());
        assertThat(statusOf(base + 1)).isEqualTo("SENT null");
        // one grant per send that went out (plus the refused one), each under its own key; a grant is never asked twice for a send
        List<LoggedRequest> grants = couponService.findAll(postRequestedFor(urlEqualTo("/internal/coupon/grants")));
        Set<String> keys = new HashSet<>();
        for (LoggedRequest grant : grants) {
            JsonNode body = json.readTree(grant.getBodyAsString());
            assertThat(body.path("source").asText()).isEqualTo("CAMPAIGN");
            assertThat(keys.add(body.path("key").asText())).isTrue();
        }
        assertThat(grants).hasSize(6);
        JsonNode arm = read("/admin/v1/touchpoint/campaigns/" + id + "/report").path("arms").get(0);
        assertThat(arm.path("sent").asLong()).isEqualTo(5);
        assertThat(arm.path("couponsGranted").asLong()).isEqualTo(5);
        assertThat(arm.path("skippedBy").path("COUPON_UNAVAILABLE").asLong()).isEqualTo(1);
        assertThat(arm.path("deferredBy").path("DAILY_CAP").asLong()).isEqualTo(1);
        // member 0 pays with the campaign's coupon: what it took off, and the mall's part, are the campaign's cost (once)
        Map<String, Object> paid = Map.of("paymentNo", "CP" + base, "memberId", base, "grossFen", 30_000, "discountFen", 2_000,
                "paidAt", Instant.now().toString(), "orders", List.of(), "coupons", List.of(Map.of("couponId", 555, "amountFen", 2_000, "platformFen", 1_500)));
        for (int delivery = 0; delivery < 2; delivery++) {
            String eventId = java.util.UUID.randomUUID().toString();
            inbox.process(new com.siyu.common.inbox.ReceivedEvent(eventId, tenant, "payment-service.PaymentSucceeded", json.valueToTree(Map.of("eventId",
                    eventId, "type", "PaymentSucceeded", "tenantId", tenant, "data", paid)), 1));
        }
        JsonNode report = read("/admin/v1/touchpoint/campaigns/" + id + "/report");
        assertThat(report.path("arms").get(0).path("couponsUsed").asLong()).isEqualTo(1);
        assertThat(report.path("arms").get(0).path("couponDiscountFen").asLong()).isEqualTo(2_000);
        assertThat(report.path("couponMallFen").asLong()).isEqualTo(1_500);
        assertThat(report.path("gmvPerMallFen").asDouble()).isEqualTo(report.path("attributedFen").asLong() / 1_500.0, org.assertj.core.data.Offset.offset(0.01));

        // a second campaign cancelled after its sends were made: they are skipped, none goes out
        long second = create(with(good, "name", "第二波"));
        activate(second);
        campaigns.advance(morning, 40);
        ResponseEntity<String> cancelled = http.exchange("/admin/v1/touchpoint/campaigns/" + second + "/cancellation", HttpMethod.POST,
                new HttpEntity<>(Http.write(operator)), String.class);
        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(count("campaign_id = " + second + " and status = 'SKIPPED' and reason = 'CAMPAIGN_CANCELLED'")).isEqualTo(6);
        assertThat(http.exchange("/admin/v1/touchpoint/campaigns/" + second + "/resumption", HttpMethod.POST, new HttpEntity<>(Http.write(operator)),
                String.class).getStatusCode().value()).isEqualTo(409);
        // the SMS account's secret is sealed at rest and never shown back
        assertThat(jdbc.queryForObject("select access_key_secret from tp_sms_account where tenant_id = ?", String.class, tenant)).startsWith("enc:v1:")
                .doesNotContain(SECRET);
        assertThat(http.exchange("/admin/v1/touchpoint/sms-account", HttpMethod.GET, new HttpEntity<>(operator), String.class).getBody())
                .doesNotContain(SECRET).contains("\"secretSet\":true");
    }

    @Test
    void theChainGoesFromTheSubscriptionMessageToTheBoundGuideOnWeComToSms() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            audience.add(new FakeMemberService.Member(base + i, "会员" + i, "1370000000" + i, "o-" + (base + i)));
        }
        members.segment(segment, audience);
        // only the first tapped "allow"; the second has a guide on WeCom, the third's guide lost them, the fourth's guide-service is down at first
        jdbc.update("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, ?, 1, 1, now())",
                tenant, base, TEMPLATE);
        guideService.stubFor(post(urlEqualTo("/internal/guide/wecom/messages")).willReturn(okJson("{\"outcome\":\"SENT\",\"msgId\":\"msgW1\",\"guideId\":8}")));
        guideService.stubFor(post(urlEqualTo("/internal/guide/wecom/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.memberId",
                equalTo(String.valueOf(base + 2)))).willReturn(okJson("{\"outcome\":\"NO_CONTACT\",\"guideId\":8}")));
        guideService.stubFor(post(urlEqualTo("/internal/guide/wecom/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.memberId",
                equalTo(String.valueOf(base + 3)))).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":503,\"code\":\"WECOM_UNAVAILABLE\"}")));
        Map<String, Object> chain = Map.of("name", "A", "weight", 1, "channels", List.of(
                Map.of("channel", "MINI_SUBSCRIBE", "templateId", TEMPLATE, "fields", Map.of("thing1", "{name}")),
                Map.of("channel", "WECOM", "templateId", "guide", "fields", Map.of("text", "{name}，周末会员日见")),
                Map.of("channel", "SMS", "templateId", SMS_TEMPLATE, "fields", Map.of("name", "{name}"))));
        // WeCom's content is one text
        ResponseEntity<String> bad = http.exchange("/admin/v1/touchpoint/campaigns", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x", "segmentId",
                segment, "startAt", Instant.now().toString(), "arms", List.of(Map.of("name", "A", "weight", 1, "channels", List.of(Map.of("channel", "WECOM",
                "templateId", "guide", "fields", Map.of("thing1", "x")))))), Http.write(operator)), String.class);
        assertThat(bad.getStatusCode().value()).as(bad.getBody()).isEqualTo(400);
        long id = create(Map.of("name", "会员日", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(chain)));
        activate(id);
        Instant noon = LocalDate.now(SHANGHAI).plusDays(2).atTime(12, 0).atZone(SHANGHAI).toInstant();
        campaigns.advance(noon, 40);
        drainOnce(noon);
        assertThat(statusOf(base)).isEqualTo("SENT null");
        assertThat(jdbc.queryForObject("select concat(channel, ' ', channel_msg_id) from tp_send where tenant_id = ? and member_id = ?", String.class, tenant,
                base + 1)).isEqualTo("WECOM msgW1");
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 2)).isEqualTo("SENT SMS MINI_SUBSCRIBE:NO_QUOTA WECOM:NO_CONTACT");
        // guide-service down: nothing went out, tried again later on WeCom (the chain is not given up for a dependency)
        assertThat(statusOf(base + 3)).isEqualTo("QUEUED DEPENDENCY_UNAVAILABLE");
        guideService.stubFor(post(urlEqualTo("/internal/guide/wecom/messages")).atPriority(1).withRequestBody(matchingJsonPath("$.memberId",
                equalTo(String.valueOf(base + 3)))).willReturn(okJson("{\"outcome\":\"SENT\",\"msgId\":\"msgW3\",\"guideId\":8}")));
        drainOnce(noon.plus(java.time.Duration.ofMinutes(5)));
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', channel_msg_id) from tp_send where tenant_id = ? and member_id = ?",
                String.class, tenant, base + 3)).isEqualTo("SENT WECOM msgW3");
        // the guide they went through is kept: the dashboard's top guides
        assertThat(jdbc.queryForList("select guide_id from tp_send where tenant_id = ? and channel = 'WECOM' and status = 'SENT'", Long.class, tenant))
                .containsExactly(8L, 8L);
        LocalDate sendDay = LocalDate.ofInstant(noon, SHANGHAI);
        JsonNode top = read("/admin/v1/touchpoint/dashboard?from=" + sendDay + "&to=" + sendDay).path("topGuides");
        assertThat(top).hasSize(1);
        assertThat(top.get(0).path("guideId").asLong()).isEqualTo(8);
        assertThat(top.get(0).path("sent").asLong()).isEqualTo(2);
        // each WeCom call carried the send's own key and the filled text
        for (com.github.tomakehurst.wiremock.verification.LoggedRequest call : guideService.findAll(postRequestedFor(urlEqualTo(
                "/internal/guide/wecom/messages")))) {
            JsonNode body = json.readTree(call.getBodyAsString());
            assertThat(body.path("key").asText()).isEqualTo("campaign:" + id + ":1:" + body.path("memberId").asLong());
            assertThat(body.path("text").asText()).endsWith("，周末会员日见");
        }
    }

    @Test
    void anOfficialAccountTemplateMessageReachesFollowersWhoHaveNoSubscriptionQuota() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            audience.add(new FakeMemberService.Member(base + i, "会员" + i, "1360000000" + i, "o-" + (base + i)));
        }
        members.segment(segment, audience);
        members.mpFollowers.addAll(List.of(base + 1, base + 2));
        jdbc.update("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, ?, 1, 1, now())",
                tenant, base, TEMPLATE);
        ResponseEntity<String> account = http.exchange("/admin/v1/touchpoint/official-account", HttpMethod.PUT, new HttpEntity<>(Map.of("appId",
                "wxmp0mall", "appSecret", "mp-secret-" + tenant), Http.write(operator)), String.class);
        assertThat(account.getStatusCode().value()).as(account.getBody()).isEqualTo(200);
        assertThat(account.getBody()).doesNotContain("mp-secret-");
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"mp-token-" + tenant + "\",\"expires_in\":7200}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":200228332}")));
        // member 2 unfollowed since: WeChat answers 43004 and the SMS takes over
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/template/send")).atPriority(1).withRequestBody(matchingJsonPath("$.touser",
                equalTo("mp-" + (base + 2)))).willReturn(okJson("{\"errcode\":43004,\"errmsg\":\"require subscribe\"}")));
        Map<String, Object> chain = Map.of("name", "A", "weight", 1, "channels", List.of(
                Map.of("channel", "MINI_SUBSCRIBE", "templateId", TEMPLATE, "page", "pages/activity/index", "fields", Map.of("thing1", "{name}")),
                Map.of("channel", "MP_TEMPLATE", "templateId", "mp-tmpl-1", "page", "pages/activity/index", "fields", Map.of("first", "{name}，会员日到了",
                        "keyword1", "{campaign}")),
                Map.of("channel", "SMS", "templateId", SMS_TEMPLATE, "fields", Map.of("name", "{name}"))));
        long id = create(Map.of("name", "会员日", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(chain)));
        activate(id);
        Instant noon = LocalDate.now(SHANGHAI).plusDays(2).atTime(12, 0).atZone(SHANGHAI).toInstant();
        campaigns.advance(noon, 40);
        drainOnce(noon);
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel) from tp_send where tenant_id = ? and member_id = ?", String.class, tenant, base))
                .isEqualTo("SENT MINI_SUBSCRIBE");
        Map<String, Object> mp = jdbc.queryForMap("select id, status, channel, channel_msg_id, tracking_token from tp_send where tenant_id = ? and member_id = ?",
                tenant, base + 1);
        assertThat(mp.get("status") + " " + mp.get("channel") + " " + mp.get("channel_msg_id")).isEqualTo("SENT MP_TEMPLATE 200228332");
        wechat.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/template/send")).withQueryParam("access_token", equalTo("mp-token-" + tenant))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("mp-" + (base + 1)))).withRequestBody(matchingJsonPath("$.template_id", equalTo("mp-tmpl-1")))
                .withRequestBody(matchingJsonPath("$.miniprogram.appid", equalTo("wx-mall")))
                .withRequestBody(matchingJsonPath("$.miniprogram.pagepath", equalTo("pages/activity/index?tp=" + mp.get("tracking_token"))))
                .withRequestBody(matchingJsonPath("$.client_msg_id", equalTo("tp" + mp.get("id"))))
                .withRequestBody(matchingJsonPath("$.data.first.value", equalTo("会员1，会员日到了"))));
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 2)).isEqualTo("SENT SMS MINI_SUBSCRIBE:NO_QUOTA MP_TEMPLATE:MP_NOT_FOLLOWING");
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 3)).isEqualTo("SENT SMS MINI_SUBSCRIBE:NO_QUOTA MP_TEMPLATE:NO_MP_OPENID");
        // the AppSecret is sealed at rest
        assertThat(jdbc.queryForObject("select app_secret from tp_mp_account where tenant_id = ?", String.class, tenant)).startsWith("enc:v1:");
    }

    @Test
    void anOfficialAccountCustomerServiceMessageReachesOnlyFollowersInsideTheirWindow() throws Exception {
        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            audience.add(new FakeMemberService.Member(base + i, "会员" + i, "1360000000" + i, null));
        }
        members.segment(segment, audience);
        members.mpFollowers.addAll(List.of(base, base + 1, base + 3));
        Instant noon = LocalDate.now(SHANGHAI).plusDays(2).atTime(12, 0).atZone(SHANGHAI).toInstant();
        // wrote to the account an hour before; 50 hours before (the window closed); member 3's window is open but WeChat says it is not
        for (long[] f : new long[][] {{base, 3_600}, {base + 1, 50 * 3_600}, {base + 3, 600}}) {
            jdbc.update("insert into tp_mp_follower (tenant_id, open_id, member_id, subscribed, last_interaction_at, updated_at) values (?, ?, ?, 1, ?, now())",
                    tenant, "mp-" + f[0], f[0], Timestamp.from(noon.minusSeconds(f[1])));
        }
        ok(http.exchange("/admin/v1/touchpoint/official-account", HttpMethod.PUT, new HttpEntity<>(Map.of("appId", "wxmp0mall", "appSecret",
                "mp-secret-" + tenant), Http.write(operator)), String.class));
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"mp-token-" + tenant + "\",\"expires_in\":7200}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send")).atPriority(1).withRequestBody(matchingJsonPath("$.touser",
                equalTo("mp-" + (base + 3)))).willReturn(okJson("{\"errcode\":45015,\"errmsg\":\"response out of time limit\"}")));
        assertRefused(Map.of("name", "客服", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(Map.of("name", "A", "weight", 1,
                "channels", List.of(Map.of("channel", "MP_SERVICE", "templateId", "cs", "fields", Map.of("body", "{name}")))))), 400,
                "arms[0].channels[0].fields");
        Map<String, Object> chain = Map.of("name", "A", "weight", 1, "channels", List.of(
                Map.of("channel", "MP_SERVICE", "templateId", "cs", "page", "pages/activity/index", "fields", Map.of("text", "{name}，您问的停车券到了",
                        "link", "去领取")),
                Map.of("channel", "SMS", "templateId", SMS_TEMPLATE, "fields", Map.of("name", "{name}"))));
        long id = create(Map.of("name", "客服回访", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(chain)));
        activate(id);
        campaigns.advance(noon, 40);
        drainOnce(noon);
        Map<String, Object> sent = jdbc.queryForMap("select status, channel, tracking_token from tp_send where tenant_id = ? and member_id = ?", tenant, base);
        assertThat(sent.get("status") + " " + sent.get("channel")).isEqualTo("SENT MP_SERVICE");
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")).withQueryParam("access_token", equalTo("mp-token-" + tenant))
                .withRequestBody(matchingJsonPath("$.touser", equalTo("mp-" + base))).withRequestBody(matchingJsonPath("$.msgtype", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("会员0，您问的停车券到了\n<a href=\"https://mp.weixin.qq.com/\""
                        + " data-miniprogram-appid=\"wx-mall\" data-miniprogram-path=\"pages/activity/index?tp=" + sent.get("tracking_token") + "\">去领取</a>"))));
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 1)).isEqualTo("SENT SMS MP_SERVICE:MP_OUTSIDE_WINDOW");
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 2)).isEqualTo("SENT SMS MP_SERVICE:NO_MP_OPENID");
        assertThat(jdbc.queryForObject("select concat(status, ' ', channel, ' ', tried) from tp_send where tenant_id = ? and member_id = ?", String.class,
                tenant, base + 3)).isEqualTo("SENT SMS MP_SERVICE:MP_OUTSIDE_WINDOW");
        // only the two inside their window were tried at WeChat
        wechat.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    private static void ok(ResponseEntity<String> r) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    }

    @Test
    void aBirthdayPresetMakesItsSegmentOnceAndRunsEveryDayAtItsTimeWhileBadTweaksAreRefused() throws Exception {
        JsonNode catalogue = read("/admin/v1/touchpoint/campaign-presets");
        assertThat(catalogue.findValuesAsText("kind")).containsExactly("BIRTHDAY", "DORMANT_WINBACK", "WEEKLY_OFFICIAL_ACCOUNT");
        Map<String, Object> arm = Map.of("name", "A", "weight", 1, "channels", List.of(Map.of("channel", "MINI_SUBSCRIBE", "templateId", TEMPLATE,
                "page", "pages/member/index", "fields", Map.of("thing1", "{name}，生日快乐！"))));
        JsonNode made = presetCampaign("BIRTHDAY", Map.of("arms", List.of(arm)), 201);
        assertThat(made.path("status").asText()).isEqualTo("DRAFT");
        assertThat(made.path("schedule").asText()).isEqualTo("DAILY");
        assertThat(made.path("name").asText()).isEqualTo("生日关怀");
        Instant startAt = Instant.parse(made.path("startAt").asText());
        ZonedDateTime local = startAt.atZone(SHANGHAI);
        assertThat(local.toLocalTime()).isEqualTo(LocalTime.of(10, 0));
        assertThat(startAt).isAfter(Instant.now()).isBefore(Instant.now().plus(Duration.ofDays(1)));
        assertThat(members.ensuredRules.get("preset:BIRTHDAY:0"))
                .isEqualTo(json.readTree("{\"all\":[{\"field\":\"birthdayInDays\",\"op\":\"eq\",\"value\":0}]}"));
        long presetSegment = made.path("segmentId").asLong();
        assertThat(presetSegment).isEqualTo(members.ensured.get("preset:BIRTHDAY:0"));
        // a second birthday campaign shares the segment
        assertThat(presetCampaign("BIRTHDAY", Map.of("arms", List.of(arm), "name", "生日礼"), 201).path("segmentId").asLong()).isEqualTo(presetSegment);

        long base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        members.segment(presetSegment, List.of(new FakeMemberService.Member(base, "寿星甲", "13600000001", "o-" + base),
                new FakeMemberService.Member(base + 1, "寿星乙", "13600000002", "o-" + (base + 1))));
        long id = made.path("id").asLong();
        activate(id);
        campaigns.advance(startAt, 40);
        JsonNode after = read("/admin/v1/touchpoint/campaigns/" + id);
        assertThat(after.path("status").asText()).isEqualTo("SCHEDULED");
        assertThat(after.path("run").asInt()).isEqualTo(2);
        assertThat(Instant.parse(after.path("runAt").asText())).isEqualTo(startAt.plus(Duration.ofDays(1)));
        // the next run is not due before its day; a run missed for three days runs once, then at 10:00 the day after
        campaigns.advance(startAt.plus(Duration.ofHours(23)), 40);
        assertThat(read("/admin/v1/touchpoint/campaigns/" + id).path("run").asInt()).isEqualTo(2);
        Instant late = startAt.plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
        campaigns.advance(late, 40);
        JsonNode third = read("/admin/v1/touchpoint/campaigns/" + id);
        assertThat(third.path("run").asInt()).isEqualTo(3);
        assertThat(Instant.parse(third.path("runAt").asText())).isEqualTo(startAt.plus(Duration.ofDays(4)));
        assertThat(jdbc.queryForList("select source_key from tp_send where tenant_id = ? and campaign_id = ? order by source_key", String.class, tenant, id))
                .containsExactly("campaign:" + id + ":1:" + base, "campaign:" + id + ":1:" + (base + 1), "campaign:" + id + ":2:" + base,
                        "campaign:" + id + ":2:" + (base + 1));

        assertThat(presetCampaign("DORMANT_WINBACK", Map.of("arms", List.of(arm), "days", 3), 400).path("detail").asText()).contains("days");
        assertThat(presetCampaign("BIRTHDAY", Map.of("arms", List.of(arm), "firstDay", "2020-01-01"), 400).path("detail").asText()).contains("firstDay");
        assertThat(presetCampaign("WEEKLY_OFFICIAL_ACCOUNT", Map.of("arms", List.of(arm)), 400).path("detail").asText())
                .contains("arms[0].channels[0].channel");
        assertThat(presetCampaign("WEEKLY_OFFICIAL_ACCOUNT", Map.of("arms", List.of(arm), "days", 7), 400).path("detail").asText()).contains("days");
        presetCampaign("NO_SUCH_PRESET", Map.of("arms", List.of(arm)), 400);
        JsonNode dormant = presetCampaign("DORMANT_WINBACK", Map.of("arms", List.of(arm), "days", 45, "at", "09:30"), 201);
        assertThat(dormant.path("name").asText()).isEqualTo("沉睡唤醒 45天");
        assertThat(Instant.parse(dormant.path("startAt").asText()).atZone(SHANGHAI).toLocalTime()).isEqualTo(LocalTime.of(9, 30));
        assertThat(members.ensuredRules.get("preset:DORMANT:45").toString()).contains("\"lastVisitDays\"", "\"value\":45");
    }

    private JsonNode presetCampaign(String kind, Map<String, Object> body, int status) throws Exception {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/campaign-presets/" + kind + "/campaigns", HttpMethod.POST,
                new HttpEntity<>(body, Http.write(operator)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        if (status >= 400) {
            assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        }
        return json.readTree(r.getBody());
    }

    /** One pass and then until none of this tenant's sends due at {@code at} is left (a retried one waits past it). */
    private void drainOnce(Instant at) {
        for (int pass = 0; pass < 10; pass++) {
            Sends.Dispatched d = sends.dispatch(at);
            if (count("status = 'QUEUED' and due_at <= '" + Timestamp.from(at) + "'") == 0) {
                return;
            }
        }
    }

    private Map<String, Object> arm(String name, int weight, String thing1, String thing2) {
        return Map.of("name", name, "weight", weight, "channels", List.of(
                Map.of("channel", "MINI_SUBSCRIBE", "templateId", TEMPLATE, "page", "pages/activity/index", "fields", Map.of("thing1", thing1, "thing2", thing2)),
                Map.of("channel", "SMS", "templateId", SMS_TEMPLATE, "fields", Map.of("name", "{name}", "activity", thing2))));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private void assertRefused(Map<String, Object> body, int status, String named) throws Exception {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/campaigns", HttpMethod.POST, new HttpEntity<>(body, Http.write(operator)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).contains(named);
    }

    private long create(Map<String, Object> body) throws Exception {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/campaigns", HttpMethod.POST, new HttpEntity<>(body, Http.write(operator)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return json.readTree(r.getBody()).path("id").asLong();
    }

    private void activate(long id) throws Exception {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/campaigns/" + id + "/activation", HttpMethod.POST,
                new HttpEntity<>(Http.write(operator)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        assertThat(json.readTree(r.getBody()).path("status").asText()).isEqualTo("SCHEDULED");
    }

    private JsonNode read(String path) throws Exception {
        ResponseEntity<String> r = http.exchange(path, HttpMethod.GET, new HttpEntity<>(operator), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return json.readTree(r.getBody());
    }

    /** Dispatches at {@code at} until none of this tenant's sends is due (other tenants' leftovers share the passes); how many were handled. */
    private int drain(Instant at) {
        int handled = 0;
        for (int pass = 0; pass < 40; pass++) {
            Sends.Dispatched d = sends.dispatch(at);
            handled += d.sent() + d.skipped() + d.failed();
            if (count("status = 'QUEUED' and due_at <= '" + Timestamp.from(at) + "'") == 0) {
                return handled;
            }
        }
        throw new AssertionError("sends still due after 40 passes");
    }

    private int count(String where) {
        return jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and " + where, Integer.class, tenant);
    }

    private Map<String, Integer> reasons(long campaign) {
        Map<String, Integer> out = new TreeMap<>();
        jdbc.query("select status, reason, channel, count(*) from tp_send where tenant_id = ? and campaign_id = ? group by status, reason, channel", rs -> {
            String key = rs.getString(1) + " " + ("SENT".equals(rs.getString(1)) ? rs.getString(3) : rs.getString(2));
            out.merge(key, rs.getInt(4), Integer::sum);
        }, tenant, campaign);
        return out;
    }

    private String statusOf(long member) {
        return jdbc.queryForObject("select concat(status, ' ', coalesce(reason, 'null')) from tp_send where tenant_id = ? and member_id = ?"
                + " and campaign_id is not null order by id limit 1", String.class, tenant, member);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return out;
    }

    /** Aliyun's RPC signature as its documentation gives it, computed here independently of the service's code. */
    private static String aliyunSignature(Map<String, String> form, String secret) throws Exception {
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(form).entrySet()) {
            if (e.getKey().equals("Signature")) {
                continue;
            }
            canonical.append(canonical.isEmpty() ? "" : "&").append(pct(e.getKey())).append('=').append(pct(e.getValue()));
        }
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(("POST&%2F&" + pct(canonical.toString())).getBytes(StandardCharsets.UTF_8)));
    }

    private static String pct(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
