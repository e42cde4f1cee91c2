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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Activity reservations and the event presets against MariaDB: places never over capacity with many shoppers (and one
 * shopper many times) at once, a reminder per reservation due before the start and sent through WxJava to WireMock,
 * withdrawn on cancellation; the coupon-expiry reminder from coupon-service's CouponExpiring, once per coupon.
 */
@ServiceIT
class ActivityReservationIT {

    static final FakeMemberService members = new FakeMemberService();
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort().extensions(members));
    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer couponService = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer guideService = new WireMockServer(wireMockConfig().dynamicPort());
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static {
        for (WireMockServer server : List.of(memberService, wechat, couponService, guideService)) {
            server.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(memberService, wechat, couponService, guideService).forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", wechat::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.coupon-service[0].uri", couponService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.guide-service[0].uri", guideService::baseUrl);
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
    Inbox inbox;

    long tenant;
    long base;
    HttpHeaders operator;

    @BeforeEach
    void tenantWithPresets() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        operator = Http.staff(tenant, 2, "OPERATOR");
        members.reset();
        for (WireMockServer server : List.of(memberService, wechat, couponService, guideService)) {
            server.resetAll();
        }
        List<FakeMemberService.Member> shoppers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            shoppers.add(new FakeMemberService.Member(base + i, "会员" + i, null, "o-" + (base + i)));
            jdbc.update("insert into tp_subscription_quota (tenant_id, member_id, template_id, quota, granted, updated_at) values (?, ?, 'tmpl-remind', 1, 1,"
                    + " now()), (?, ?, 'tmpl-expiry', 1, 1, now())", tenant, base + i, tenant, base + i);
        }
        members.segment(1, shoppers);
        memberService.stubFor(any(urlPathMatching("/internal/members/(contacts|mini-program-openids)")).willReturn(aResponse()
                .withTransformers(FakeMemberService.NAME)));
        memberService.stubFor(get(urlEqualTo("/internal/wechat/mini-program/access-token"))
                .willReturn(okJson("{\"appId\":\"wx-mall\",\"accessToken\":\"token-" + tenant + "\"}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/subscribe/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"msgid\":\"5001\"}")));
        preset("ACTIVITY_REMINDER", "tmpl-remind", Map.of("thing1", "{activity}", "time2", "{startsAt}", "thing3", "{place}"));
        preset("COUPON_EXPIRY", "tmpl-expiry", Map.of("thing1", "{coupon}", "time2", "{validTo}", "number3", "{daysLeft}"));
    }

    @Test
    void placesNeverExceedTheCapacityAndEachReservationHasItsOwnReminder() throws Exception {
        LocalDate day = LocalDate.now(SHANGHAI).plusDays(3);
        Instant starts = day.atTime(15, 0).atZone(SHANGHAI).toInstant();
        long activity = activity("亲子烘焙课", starts, 5);

        // 12 shoppers at once for 5 places
        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Future<ResponseEntity<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long member = base + i;
            answers.add(pool.submit(() -> reserve(activity, member)));
        }
        int made = 0;
        int full = 0;
        for (Future<ResponseEntity<String>> answer : answers) {
            ResponseEntity<String> r = answer.get();
            if (r.getStatusCode().value() == 201) {
                made++;
            } else {
                assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(409);
                assertThat(json.readTree(r.getBody()).path("code").asText()).isEqualTo("ACTIVITY_FULL");
                full++;
            }
        }
        assertThat(made).isEqualTo(5);
        assertThat(full).isEqualTo(7);
        assertThat(reserved(activity)).isEqualTo(5);
        assertThat(reminders("QUEUED")).isEqualTo(5);
        assertThat(jdbc.queryForList("select due_at from tp_send where tenant_id = ? and preset = 'ACTIVITY_REMINDER'", Timestamp.class, tenant))
                .allMatch(t -> t.toInstant().equals(starts.minus(Duration.ofHours(2))));

        // one shopper asking eight times at once for another activity takes one place
        long second = activity("会员日讲座", starts, 3);
        List<Future<ResponseEntity<String>>> same = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            same.add(pool.submit(() -> reserve(second, base + 15)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<ResponseEntity<String>> answer : same) {
            statuses.add(answer.get().getStatusCode().value());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(200, 201).filteredOn(s -> s == 201).hasSize(1);
        assertThat(reserved(second)).isEqualTo(1);

        // a shopper who got a place cancels: the place is free, the reminder withdrawn; they take it again: a new reminder
        long holder = jdbc.queryForObject("select min(member_id) from tp_reservation where tenant_id = ? and activity_id = ?", Long.class, tenant, activity);
        ResponseEntity<String> cancelled = http.exchange("/api/v1/touchpoint/activities/" + activity + "/reservations", HttpMethod.DELETE,
                new HttpEntity<>(Http.write(Http.member(tenant, holder))), String.class);
        assertThat(cancelled.getStatusCode().value()).as(cancelled.getBody()).isEqualTo(200);
        assertThat(reserved(activity)).isEqualTo(4);
        assertThat(reminders("SKIPPED")).isEqualTo(1);
        assertThat(reserve(activity, holder).getStatusCode().value()).isEqualTo(201);
        assertThat(read(http.exchange("/api/v1/touchpoint/reservations", HttpMethod.GET, new HttpEntity<>(Http.member(tenant, holder)), String.class))
                .findValuesAsText("times")).contains("2");
        assertThat(reserved(activity)).isEqualTo(5);
        assertThat(reminders("QUEUED")).isEqualTo(6);

        // the mall cancels the second activity: its reminder never goes, and nobody can reserve it
        ResponseEntity<String> off = http.exchange("/admin/v1/touchpoint/activities/" + second + "/cancellation", HttpMethod.POST,
                new HttpEntity<>(Http.write(operator)), String.class);
        assertThat(off.getStatusCode().value()).as(off.getBody()).isEqualTo(200);
        assertThat(jdbc.queryForObject("select reason from tp_send where tenant_id = ? and source_key like ?", String.class, tenant,
                "activity:" + second + ":%")).isEqualTo("ACTIVITY_CANCELLED");
        ResponseEntity<String> closed = reserve(second, base + 1);
        assertThat(closed.getStatusCode().value()).isEqualTo(409);
        assertThat(read(closed).path("code").asText()).isEqualTo("ACTIVITY_CANCELLED");

        // two hours before: the reminders go out, filled in
        dispatch(starts.minus(Duration.ofHours(2)));
        assertThat(reminders("SENT")).isEqualTo(5);
        wechat.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(matchingJsonPath("$.data.thing1.value",
                equalTo("亲子烘焙课"))).withRequestBody(matchingJsonPath("$.data.time2.value", equalTo(day + " 15:00")))
                .withRequestBody(matchingJsonPath("$.data.thing3.value", equalTo("一楼中庭"))));

        // bad input and other tenants
        assertThat(http.exchange("/admin/v1/touchpoint/activities", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x", "place", "y", "startsAt",
                Instant.now().minusSeconds(60).toString(), "endsAt", Instant.now().plusSeconds(3_600).toString(), "capacity", 5), Http.write(operator)),
                String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/touchpoint/activities", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x", "place", "y", "startsAt",
                starts.toString(), "endsAt", starts.minusSeconds(60).toString(), "capacity", 5), Http.write(operator)), String.class).getStatusCode().value())
                .isEqualTo(400);
        assertThat(http.exchange("/api/v1/touchpoint/activities/" + activity + "/reservations", HttpMethod.POST, new HttpEntity<>(Http.write(Http.member(
                tenant + 1, base))), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(read(http.exchange("/api/v1/touchpoint/activities", HttpMethod.GET, new HttpEntity<>(Http.member(tenant + 1, base)), String.class)))
                .isEmpty();
    }

    @Test
    void anExpiringCouponIsRemindedOnceWithItsName() throws Exception {
        couponService.stubFor(get(urlEqualTo("/internal/coupon/templates/31")).willReturn(okJson("{\"id\":31,\"name\":\"满200减30\",\"status\":\"ACTIVE\"}")));
        Instant validTo = LocalDate.now(SHANGHAI).plusDays(3).atTime(23, 59).atZone(SHANGHAI).toInstant();
        for (int i = 0; i < 3; i++) {
            // the outbox may publish twice, under new message ids: one reminder
            expiring(9_001, base, 31, validTo);
        }
        assertThat(jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and preset = 'COUPON_EXPIRY'", Integer.class, tenant))
                .isEqualTo(1);
        dispatch(LocalDate.now(SHANGHAI).plusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant());
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(matchingJsonPath("$.template_id",
                equalTo("tmpl-expiry"))).withRequestBody(matchingJsonPath("$.data.thing1.value", equalTo("满200减30")))
                .withRequestBody(matchingJsonPath("$.data.number3.value", equalTo("3"))));
        // an unknown variable in a preset is refused
        assertThat(http.exchange("/admin/v1/touchpoint/presets/COUPON_EXPIRY", HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", true, "templateId", "t",
                "fields", Map.of("thing1", "{amount}")), Http.write(operator)), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aNewExclusiveGuideIsIntroducedOncePerBinding() throws Exception {
        preset("GUIDE_BOUND", "tmpl-remind", Map.of("thing1", "{guide}"));
        long member = base + 3;
        guideService.stubFor(get(urlEqualTo("/internal/guide/members/" + member + "/guide")).willReturn(okJson("{\"memberId\":" + member
                + ",\"guideId\":8,\"guideName\":\"小王\",\"storeId\":1}")));
        String at = Instant.now().toString();
        bound(member, 8L, at);
        bound(member, 8L, at);
        // lost their guide, or an older binding to another guide read late: nobody introduced
        bound(member, null, Instant.now().toString());
        bound(member, 9L, Instant.now().toString());
        assertThat(jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and preset = 'GUIDE_BOUND'", Integer.class, tenant)).isEqualTo(1);
        dispatch(LocalDate.now(SHANGHAI).plusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant());
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send")).withRequestBody(matchingJsonPath("$.data.thing1.value",
                equalTo("小王"))));
    }

    @Test
    void pointsAboutToExpireAreToldOncePerReminderWithTheTotalAndTheFirstLastDay() throws Exception {
        preset("POINTS_EXPIRY", "tmpl-remind", Map.of("number1", "{points}", "date2", "{lastDay}", "thing3", "还剩{daysLeft}天"));
        long member = base + 4;
        LocalDate today = LocalDate.now(SHANGHAI);
        String messageId = UUID.randomUUID().toString();
        Map<String, Object> payload = Map.of("eventId", messageId, "tenantId", tenant, "memberId", member, "points", 1_500, "lots", List.of(
                Map.of("lotId", 71, "points", 1_000, "lastDay", today.plusDays(9).toString()),
                Map.of("lotId", 72, "points", 500, "lastDay", today.plusDays(7).toString())));
        ReceivedEvent event = new ReceivedEvent(messageId, tenant, "points-service.points.expiring", json.valueToTree(payload), 1);
        assertThat(inbox.process(event)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(inbox.process(event)).isEqualTo(Inbox.Outcome.DUPLICATE);
        Map<String, Object> malformed = Map.of("eventId", UUID.randomUUID().toString(), "tenantId", tenant, "memberId", member, "points", 10,
                "lots", List.of(Map.of("lotId", 73, "points", 10, "lastDay", "soon")));
        assertThatThrownBy(() -> inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "points-service.points.expiring",
                json.valueToTree(malformed), 1))).isInstanceOf(com.siyu.common.inbox.MalformedEvent.class).hasMessageContaining("lastDay");
        assertThat(jdbc.queryForList("select source_key from tp_send where tenant_id = ? and preset = 'POINTS_EXPIRY'", String.class, tenant))
                .containsExactly("points:" + messageId + ":POINTS_EXPIRY");
        dispatch(today.plusDays(1).atTime(12, 0).atZone(SHANGHAI).toInstant());
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/subscribe/send"))
                .withRequestBody(matchingJsonPath("$.data.number1.value", equalTo("1500")))
                .withRequestBody(matchingJsonPath("$.data.date2.value", equalTo(today.plusDays(7).toString())))
                .withRequestBody(matchingJsonPath("$.data.thing3.value", equalTo("还剩7天"))));
    }

    private void bound(long memberId, Long guideId, String at) {
        Map<String, Object> data = new java.util.HashMap<>(Map.of("memberId", memberId, "source", "SCAN", "at", at));
        data.put("guideId", guideId);
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "GuideBound", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "guide-service.GuideBound", json.valueToTree(envelope), 1)))
                .isEqualTo(Inbox.Outcome.APPLIED);
    }

    private void expiring(long couponId, long memberId, long templateId, Instant validTo) {
        Map<String, Object> data = Map.of("couponId", couponId, "templateId", templateId, "memberId", memberId, "validTo", validTo.toString(),
                "daysLeft", 3);
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "CouponExpiring", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "coupon-service.CouponExpiring", json.valueToTree(envelope), 1)))
                .isEqualTo(Inbox.Outcome.APPLIED);
    }

    private void preset(String kind, String template, Map<String, String> fields) {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/presets/" + kind, HttpMethod.PUT, new HttpEntity<>(Map.of("enabled", true,
                "templateId", template, "page", "pages/activity/index", "fields", fields), Http.write(operator)), String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    }

    private long activity(String name, Instant starts, int capacity) throws Exception {
        ResponseEntity<String> r = http.exchange("/admin/v1/touchpoint/activities", HttpMethod.POST, new HttpEntity<>(Map.of("name", name, "place", "一楼中庭",
                "startsAt", starts.toString(), "endsAt", starts.plus(Duration.ofHours(2)).toString(), "capacity", capacity), Http.write(operator)),
                String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return json.readTree(r.getBody()).path("id").asLong();
    }

    private ResponseEntity<String> reserve(long activity, long member) {
        return http.exchange("/api/v1/touchpoint/activities/" + activity + "/reservations", HttpMethod.POST,
                new HttpEntity<>(Http.write(Http.member(tenant, member))), String.class);
    }

    private int reserved(long activity) {
        return jdbc.queryForObject("select reserved from tp_activity where id = ?", Integer.class, activity);
    }

    private int reminders(String status) {
        return jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and preset = 'ACTIVITY_REMINDER' and status = ?", Integer.class,
                tenant, status);
    }

    private void dispatch(Instant at) {
        for (int pass = 0; pass < 20; pass++) {
            sends.dispatch(at);
            if (jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and status = 'QUEUED' and due_at <= ?", Integer.class, tenant,
                    Timestamp.from(at)) == 0) {
                return;
            }
        }
    }

    private JsonNode read(ResponseEntity<String> response) throws Exception {
        return json.readTree(response.getBody());
    }
}
