package com.siyu.touchpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
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
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.siyu.common.crypto.SecretBox;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.touchpoint.campaign.domain.Campaigns;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * App push (APP_PUSH) against MariaDB, with JPush's REST API as the local sandbox's own definitions
 * (deploy/wechat-sandbox, loaded into WireMock; special answers stubbed over them), member-service as the WireMock
 * extension and Aliyun's SMS API as WireMock: the tenant's JPush account sealed and never shown, devices registered by
 * the shopper (one row per registration id, the last registration wins, logout removes only one's own), a campaign
 * pushing to the members' devices with the tracking token in the extras (a click attributed, the dashboard per
 * channel), 1011 and no device falling through to SMS, a 5xx tried again and sent once, a refused account failing the
 * push, other tenants seeing and using none of it.
 */
@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class AppPushIT {

    static final FakeMemberService members = new FakeMemberService();
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort().extensions(members));
    static final WireMockServer aliyun = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer jpush = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("../deploy/wechat-sandbox"));
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String APP_KEY = "466f7032ac604e02fb7bda89";
    static final String SECRET = "jpush-master-secret-of-the-mall";
    static final String SMS_TEMPLATE = "SMS_300001";

    static {
        for (WireMockServer server : List.of(memberService, aliyun, jpush)) {
            server.start();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(memberService, aliyun, jpush).forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.touchpoint.jpush-host", () -> jpush.baseUrl() + "/jpush");
        registry.add("siyu.touchpoint.sms-endpoint", aliyun::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("siyu.touchpoint.dispatch-interval", () -> "PT1H");
        registry.add("siyu.touchpoint.campaign-interval", () -> "PT1H");
        registry.add("siyu.touchpoint.channel-rates.APP_PUSH", () -> "1000");
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
    SecretBox secrets;

    long tenant;
    HttpHeaders admin;
    long segment;
    long base;
    Instant noon;

    @BeforeEach
    void tenantWithPushAndSms() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        segment = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        base = ThreadLocalRandom.current().nextLong(10_000_000, 1_000_000_000);
        noon = LocalDate.now(SHANGHAI).plusDays(2).atTime(12, 0).atZone(SHANGHAI).toInstant();
        admin = Http.staff(tenant, 2, "TENANT_ADMIN");
        members.reset();
        memberService.resetAll();
        aliyun.resetAll();
        jpush.resetToDefaultMappings();
        jpush.resetRequests();
        jpush.resetScenarios();
        memberService.stubFor(any(urlPathMatching("/internal/(segments/.*|members/contacts)")).willReturn(aResponse().withTransformers(FakeMemberService.NAME)));
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(okJson("{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746\",\"RequestId\":\"F655A8D5\"}")));
        ok(put("/admin/v1/touchpoint/sms-account", admin, Map.of("provider", "ALIYUN", "accessKeyId", "LTAI5tMall", "accessKeySecret", "sms-secret",
                "signName", "思域商场")));
        ok(put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", APP_KEY, "masterSecret", SECRET, "apnsProduction", false)));
    }

    @Test
    void theAccountIsSealedAtRestNeverShownAndEachTenantsOwn() throws Exception {
        ResponseEntity<String> set = put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", APP_KEY, "masterSecret", SECRET, "apnsProduction", false));
        assertThat(json.readTree(ok(set))).isEqualTo(json.readTree("{\"configured\":true,\"appKey\":\"" + APP_KEY + "\",\"apnsProduction\":false}"));
        String stored = jdbc.queryForObject("select master_secret from tp_push_account where tenant_id = ?", String.class, tenant);
        assertThat(stored).startsWith("enc:v1:").doesNotContain(SECRET);
        ResponseEntity<String> shown = http.exchange("/admin/v1/touchpoint/app-push", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 3, "OPERATOR")),
                String.class);
        assertThat(ok(shown)).doesNotContain(SECRET).doesNotContain(stored).contains("\"configured\":true");
        // apnsProduction left out: the App Store app's production APNs
        ok(put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", APP_KEY, "masterSecret", SECRET)));
        assertThat(jdbc.queryForObject("select apns_production from tp_push_account where tenant_id = ?", Boolean.class, tenant)).isTrue();

        // another tenant has none: configured false, nothing of this one's shown
        ResponseEntity<String> other = http.exchange("/admin/v1/touchpoint/app-push", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 2,
                "TENANT_ADMIN")), String.class);
        assertThat(json.readTree(ok(other)).path("configured").asBoolean()).isFalse();
        assertThat(other.getBody()).doesNotContain(APP_KEY);

        // bad input names the field; only the tenant admin sets it
        assertProblem(put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", "short", "masterSecret", SECRET)), 400, "appKey");
        assertProblem(put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", APP_KEY)), 400, "masterSecret");
        assertThat(put("/admin/v1/touchpoint/app-push", Http.staff(tenant, 3, "OPERATOR"), Map.of("appKey", APP_KEY, "masterSecret", "x"))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(secrets.open(jdbc.queryForObject("select master_secret from tp_push_account where tenant_id = ?", String.class, tenant)))
                .isEqualTo(SECRET);
    }

    @Test
    void aDeviceIsOneRowTheLastRegistrationWinsAndLogoutRemovesOnlyOnesOwn() throws Exception {
        long first = base;
        long second = base + 1;
        String phone = "1a0018970a" + base;
        String tablet = "160a3797c8" + base;
        assertThat(registrationIds(register(first, phone, "ANDROID"))).containsExactly(phone);
        // the app registers again on every start: still one device
        assertThat(registrationIds(register(first, phone, "ANDROID"))).containsExactly(phone);
        assertThat(jdbc.queryForObject("select count(*) from tp_push_device where tenant_id = ? and registration_id = ?", Integer.class, tenant, phone))
                .isEqualTo(1);
        assertThat(registrationIds(register(first, tablet, "IOS"))).containsExactlyInAnyOrder(phone, tablet);
        // the phone changes hands (another shopper signs in on it): it is theirs now, and IOS
        JsonNode moved = register(second, phone, "IOS");
        assertThat(registrationIds(moved)).containsExactly(phone);
        assertThat(moved.path("devices").get(0).path("platform").asText()).isEqualTo("IOS");
        assertThat(registrationIds(devices(Http.member(tenant, first)))).containsExactly(tablet);
        assertThat(jdbc.queryForList("select member_id from tp_push_device where tenant_id = ? and registration_id = ?", Long.class, tenant, phone))
                .containsExactly(second);

        // logging out removes one's own device; another's is left alone; again changes nothing
        assertThat(registrationIds(unregister(first, phone))).containsExactly(tablet);
        assertThat(registrationIds(devices(Http.member(tenant, second)))).containsExactly(phone);
        assertThat(registrationIds(unregister(first, tablet))).isEmpty();
        assertThat(registrationIds(unregister(first, tablet))).isEmpty();

        // bad input names the field; a staff token is no shopper
        assertProblem(put("/api/v1/touchpoint/push-devices", Http.member(tenant, first), Map.of("registrationId", "not valid!", "platform", "ANDROID")),
                400, "registrationId");
        assertProblem(put("/api/v1/touchpoint/push-devices", Http.member(tenant, first), Map.of("registrationId", phone, "platform", "WINDOWS")),
                400, "platform");
        assertProblem(put("/api/v1/touchpoint/push-devices", Http.member(tenant, first), Map.of("registrationId", phone)), 400, "platform");
        assertProblem(put("/api/v1/touchpoint/push-devices", admin, Map.of("registrationId", phone, "platform", "IOS")), 403, "CALLER_NOT_ALLOWED");

        // another tenant's shopper with the same member id sees none of these, and registering the same id there moves nothing here
        HttpHeaders stranger = Http.member(tenant + 1, second);
        assertThat(registrationIds(devices(stranger))).isEmpty();
        JsonNode theirs = json.readTree(ok(put("/api/v1/touchpoint/push-devices", Http.member(tenant + 1, first), Map.of("registrationId", phone,
                "platform", "ANDROID"))));
        assertThat(registrationIds(theirs)).containsExactly(phone);
        assertThat(registrationIds(devices(Http.member(tenant, second)))).containsExactly(phone);
        ok(http.exchange("/api/v1/touchpoint/push-devices/" + phone, HttpMethod.DELETE, new HttpEntity<>(Http.write(Http.member(tenant + 1, second))),
                String.class));
        assertThat(registrationIds(devices(Http.member(tenant, second)))).containsExactly(phone);

        // a member keeps their ten newest devices
        long many = base + 2;
        for (int i = 0; i < 12; i++) {
            register(many, "dev" + i + "x" + base, "ANDROID");
        }
        assertThat(jdbc.queryForObject("select count(*) from tp_push_device where tenant_id = ? and member_id = ?", Integer.class, tenant, many))
                .isEqualTo(10);
    }

    @Test
    void aCampaignPushesToTheDevicesWithItsTrackingTokenAndFallsThroughToSmsWhenPushCannotReachTheMember(CapturedOutput output) throws Exception {
        List<FakeMemberService.Member> audience = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            audience.add(new FakeMemberService.Member(base + i, "会员" + i, "1350000000" + i, null));
        }
        members.segment(segment, audience);
        String[] device = new String[6];
        for (int i = 0; i < 6; i++) {
            device[i] = (i == 2 ? "gone" : "rid") + i + "x" + base;
        }
        register(base, device[0], "ANDROID");
        String second = "ios1x" + base;
        register(base + 1, device[1], "ANDROID");
        register(base + 1, second, "IOS");
        // member 2's app was uninstalled: JPush no longer knows its registration id (1011)
        register(base + 2, device[2], "ANDROID");
        // member 3 has no app; member 4's push meets a JPush fault once; member 5 turned app pushes off
        register(base + 4, device[4], "IOS");
        register(base + 5, device[5], "ANDROID");
        ok(put("/api/v1/touchpoint/unsubscribes/APP_PUSH", Http.member(tenant, base + 5), Map.of()));
        jpush.stubFor(post(urlPathEqualTo("/jpush/v3/push")).atPriority(1).inScenario("fault").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.audience.registration_id[0]", equalTo(device[4])))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":1000,\"message\":\"Server error, please retry\"}}"))
                .willSetStateTo("recovered"));

        // the push's text passes the tenant's sensitive words like any other
        ok(http.exchange("/admin/v1/touchpoint/sensitive-words", HttpMethod.POST, new HttpEntity<>(Map.of("words", List.of("稳赚")), Http.write(admin)),
                String.class));
        assertProblem(call("/admin/v1/touchpoint/campaigns", campaign("{name}，稳赚不赔")), 400, "arms[0].channels[0].fields.alert");
        long id = json.readTree(ok(call("/admin/v1/touchpoint/campaigns", campaign("{name}，周末会员日见")))).path("id").asLong();
        ok(call("/admin/v1/touchpoint/campaigns/" + id + "/activation", null));
        campaigns.advance(noon, 40);
        drain(tenant, noon);

        Map<String, Object> pushed = jdbc.queryForMap("select id, status, channel, channel_msg_id, tracking_token, response from tp_send"
                + " where tenant_id = ? and member_id = ?", tenant, base);
        assertThat(pushed.get("status") + " " + pushed.get("channel")).isEqualTo("SENT APP_PUSH");
        // the sandbox's msg_id, as JPush answers it
        assertThat((String) pushed.get("channel_msg_id")).matches("[0-9]{17}");
        assertThat((String) pushed.get("response")).contains("\"msg_id\":\"" + pushed.get("channel_msg_id") + "\"");
        String token = (String) pushed.get("tracking_token");
        JsonNode request = pushTo(device[0]);
        assertThat(request.path("platform").asText()).isEqualTo("all");
        assertThat(request.path("audience").path("registration_id")).extracting(JsonNode::asText).containsExactly(device[0]);
        assertThat(request.path("notification").path("alert").asText()).isEqualTo("会员0，周末会员日见");
        assertThat(request.path("notification").path("android").path("title").asText()).isEqualTo("会员日");
        assertThat(request.path("notification").path("ios").path("alert").path("title").asText()).isEqualTo("会员日");
        for (String platform : List.of("android", "ios")) {
            JsonNode extras = request.path("notification").path(platform).path("extras");
            assertThat(extras.path("tp").asText()).isEqualTo(token);
            assertThat(extras.path("page").asText()).isEqualTo("pages/activity/index?tp=" + token);
        }
        assertThat(request.path("options").path("sendno").asLong()).isEqualTo(((Number) pushed.get("id")).longValue());
        assertThat(request.path("options").path("apns_production").asBoolean(true)).isFalse();
        String basic = "Basic " + Base64.getEncoder().encodeToString((APP_KEY + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        jpush.verify(postRequestedFor(urlPathEqualTo("/jpush/v3/push")).withHeader("Authorization", equalTo(basic))
                .withRequestBody(matchingJsonPath("$.audience.registration_id[0]", equalTo(device[0]))));

        // both of member 1's devices in one push
        assertThat(pushTo(device[1]).path("audience").path("registration_id")).extracting(JsonNode::asText).containsExactlyInAnyOrder(device[1], second);
        assertThat(sendOf(base + 1)).startsWith("SENT APP_PUSH ");
        // 1011, no device, pushes turned off: the next of the chain, and why is noted
        assertThat(sendOf(base + 2)).isEqualTo("SENT SMS 900619746 APP_PUSH:PUSH_NO_AUDIENCE");
        assertThat(sendOf(base + 3)).isEqualTo("SENT SMS 900619746 APP_PUSH:NO_PUSH_DEVICE");
        assertThat(sendOf(base + 5)).isEqualTo("SENT SMS 900619746 APP_PUSH:UNSUBSCRIBED");
        assertThat(jpush.findAll(postRequestedFor(urlPathEqualTo("/jpush/v3/push")).withRequestBody(matchingJsonPath("$.audience.registration_id[0]",
                equalTo(device[5]))))).isEmpty();
        // JPush's 503: nothing went out, tried again later on push (not handed to SMS), then sent once
        assertThat(jdbc.queryForObject("select concat(status, ' ', reason) from tp_send where tenant_id = ? and member_id = ?", String.class, tenant,
                base + 4)).isEqualTo("QUEUED PUSH_UNAVAILABLE");
        drain(tenant, noon.plus(Duration.ofMinutes(5)));
        assertThat(sendOf(base + 4)).startsWith("SENT APP_PUSH ");
        assertThat(jdbc.queryForObject("select attempts from tp_send where tenant_id = ? and member_id = ?", Integer.class, tenant, base + 4)).isEqualTo(2);
        assertThat(jpush.findAll(postRequestedFor(urlPathEqualTo("/jpush/v3/push")).withRequestBody(matchingJsonPath("$.audience.registration_id[0]",
                equalTo(device[4]))))).hasSize(2);
        // one push per member it reached (and the fault's one), one SMS per member it did not
        jpush.verify(5, postRequestedFor(urlPathEqualTo("/jpush/v3/push")));
        aliyun.verify(3, postRequestedFor(urlEqualTo("/")));

        // the app opens the page with the token from the extras: a click of that send, on the dashboard under APP_PUSH
        ok(call("/api/v1/touchpoint/clicks", Map.of("token", token), Http.member(tenant, base)));
        LocalDate day = LocalDate.ofInstant(noon, SHANGHAI);
        JsonNode dashboard = json.readTree(ok(http.exchange("/admin/v1/touchpoint/dashboard?from=" + day + "&to=" + day, HttpMethod.GET,
                new HttpEntity<>(admin), String.class)));
        Map<String, JsonNode> byChannel = new HashMap<>();
        dashboard.path("rows").forEach(row -> byChannel.put(row.path("channel").asText(), row));
        assertThat(byChannel.keySet()).containsExactlyInAnyOrder("APP_PUSH", "SMS");
        JsonNode push = byChannel.get("APP_PUSH");
        assertThat(List.of(push.path("sends").asLong(), push.path("sent").asLong(), push.path("membersReached").asLong(), push.path("clicked").asLong()))
                .containsExactly(3L, 3L, 3L, 1L);
        assertThat(byChannel.get("SMS").path("sent").asLong()).isEqualTo(3);
        JsonNode arm = json.readTree(ok(http.exchange("/admin/v1/touchpoint/campaigns/" + id + "/report", HttpMethod.GET, new HttpEntity<>(admin),
                String.class))).path("arms").get(0);
        assertThat(arm.path("sentBy").path("APP_PUSH").asLong()).isEqualTo(3);
        assertThat(arm.path("sentBy").path("SMS").asLong()).isEqualTo(3);
        assertThat(arm.path("clicked").asLong()).isEqualTo(1);
        // the Master Secret went out in the Authorization header only: never into a log
        assertThat(output.getAll()).doesNotContain(SECRET).doesNotContain(basic.substring("Basic ".length()));
    }

    @Test
    void anAccountJPushRefusesFailsThePushOnceAndNeitherAnotherTenantNorOneWithoutAccountReachesTheDevices() throws Exception {
        members.segment(segment, List.of(new FakeMemberService.Member(base, "会员0", "13500000000", null)));
        String device = "rid0x" + base;
        register(base, device, "ANDROID");
        // the secret was mistyped: JPush answers 401 1004 to that key pair
        ok(put("/admin/v1/touchpoint/app-push", admin, Map.of("appKey", APP_KEY, "masterSecret", "mistyped")));
        jpush.stubFor(post(urlPathEqualTo("/jpush/v3/push")).atPriority(1).withHeader("Authorization", equalTo("Basic "
                + Base64.getEncoder().encodeToString((APP_KEY + ":mistyped").getBytes(StandardCharsets.UTF_8))))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":1004,\"message\":\"Authen failed\"}}")));
        long id = json.readTree(ok(call("/admin/v1/touchpoint/campaigns", campaign("{name}，周末会员日见")))).path("id").asLong();
        ok(call("/admin/v1/touchpoint/campaigns/" + id + "/activation", null));
        campaigns.advance(noon, 40);
        drain(tenant, noon);
        drain(tenant, noon.plus(Duration.ofHours(1)));
        // failed, not tried again nor handed to SMS: the operator fixes the account
        assertThat(jdbc.queryForObject("select concat(status, ' ', reason, ' ', channel, ' ', coalesce(tried, '-')) from tp_send where tenant_id = ?"
                + " and member_id = ?", String.class, tenant, base)).isEqualTo("FAILED PUSH_AUTH_FAILED APP_PUSH -");
        assertThat(jdbc.queryForObject("select response from tp_send where tenant_id = ? and member_id = ?", String.class, tenant, base)).contains("1004");
        jpush.verify(1, postRequestedFor(urlPathEqualTo("/jpush/v3/push")));
        aliyun.verify(0, postRequestedFor(urlEqualTo("/")));

        // another tenant, with a push account of its own, messaging a member of the same id: this tenant's device is not theirs
        long other = tenant + 1;
        ok(put("/admin/v1/touchpoint/app-push", Http.staff(other, 2, "TENANT_ADMIN"), Map.of("appKey", "0123456789abcdef01234567", "masterSecret", "theirs")));
        queuePush(other, base);
        drain(other, noon);
        assertThat(jdbc.queryForObject("select concat(status, ' ', reason) from tp_send where tenant_id = ? and member_id = ?", String.class, other, base))
                .isEqualTo("SKIPPED NO_PUSH_DEVICE");
        // a tenant with devices but no push account: not configured, nothing asked of JPush
        long unconfigured = tenant + 2;
        ok(put("/api/v1/touchpoint/push-devices", Http.member(unconfigured, base), Map.of("registrationId", device, "platform", "ANDROID")));
        queuePush(unconfigured, base);
        drain(unconfigured, noon);
        assertThat(jdbc.queryForObject("select concat(status, ' ', reason) from tp_send where tenant_id = ? and member_id = ?", String.class, unconfigured,
                base)).isEqualTo("SKIPPED PUSH_NOT_CONFIGURED");
        jpush.verify(1, postRequestedFor(urlPathEqualTo("/jpush/v3/push")));
    }

    /** A campaign on the segment: a push (title, alert, the page) first, then SMS. */
    private Map<String, Object> campaign(String alert) {
        return Map.of("name", "会员日", "segmentId", segment, "startAt", Instant.now().toString(), "arms", List.of(Map.of("name", "A", "weight", 1,
                "channels", List.of(
                        Map.of("channel", "APP_PUSH", "templateId", "weekend-push", "page", "pages/activity/index",
                                "fields", Map.of("title", "{campaign}", "alert", alert)),
                        Map.of("channel", "SMS", "templateId", SMS_TEMPLATE, "fields", Map.of("name", "{name}"))))));
    }

    /** A push of the tenant's to the member, due at noon, as a preset or campaign makes it. */
    private void queuePush(long tenantId, long member) {
        jdbc.update("insert into tp_send (tenant_id, member_id, channel, template_id, page, data, preset, source_key, status, due_at, created_at)"
                + " values (?, ?, 'APP_PUSH', 'push', null, '{\"alert\":\"你好\"}', 'CAMPAIGN', ?, 'QUEUED', ?, ?)", tenantId, member,
                "it-push:" + member, Timestamp.from(noon), Timestamp.from(noon));
    }

    /** The request JPush got whose audience starts with this registration id. */
    private JsonNode pushTo(String registrationId) throws Exception {
        List<LoggedRequest> found = jpush.findAll(postRequestedFor(urlPathEqualTo("/jpush/v3/push"))
                .withRequestBody(matchingJsonPath("$.audience.registration_id[?(@ == '" + registrationId + "')]")));
        assertThat(found).hasSize(1);
        return json.readTree(found.get(0).getBodyAsString());
    }

    private String sendOf(long member) {
        return jdbc.queryForObject("select concat(status, ' ', channel, ' ', coalesce(channel_msg_id, '-'), coalesce(concat(' ', tried), ''))"
                + " from tp_send where tenant_id = ? and member_id = ?", String.class, tenant, member);
    }

    private JsonNode register(long member, String registrationId, String platform) throws Exception {
        return json.readTree(ok(put("/api/v1/touchpoint/push-devices", Http.member(tenant, member), Map.of("registrationId", registrationId,
                "platform", platform))));
    }

    private JsonNode unregister(long member, String registrationId) throws Exception {
        return json.readTree(ok(http.exchange("/api/v1/touchpoint/push-devices/" + registrationId, HttpMethod.DELETE,
                new HttpEntity<>(Http.write(Http.member(tenant, member))), String.class)));
    }

    private JsonNode devices(HttpHeaders shopper) throws Exception {
        return json.readTree(ok(http.exchange("/api/v1/touchpoint/push-devices", HttpMethod.GET, new HttpEntity<>(shopper), String.class)));
    }

    private static List<String> registrationIds(JsonNode devices) {
        List<String> out = new ArrayList<>();
        devices.path("devices").forEach(d -> out.add(d.path("registrationId").asText()));
        return out;
    }

    private ResponseEntity<String> put(String path, HttpHeaders as, Object body) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, Http.write(as)), String.class);
    }

    private ResponseEntity<String> call(String path, Object body) {
        return call(path, body, admin);
    }

    private ResponseEntity<String> call(String path, Object body, HttpHeaders as) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(as)), String.class);
    }

    private static String ok(ResponseEntity<String> r) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isBetween(200, 201);
        return r.getBody();
    }

    private static void assertProblem(ResponseEntity<String> r, int status, String named) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).contains(named);
    }

    /** Dispatches at {@code at} until none of the tenant's sends due then is left (one retried waits past it). */
    private void drain(long tenantId, Instant at) {
        for (int pass = 0; pass < 10; pass++) {
            sends.dispatch(at);
            if (jdbc.queryForObject("select count(*) from tp_send where tenant_id = ? and status = 'QUEUED' and due_at <= ?", Integer.class, tenantId,
                    Timestamp.from(at)) == 0) {
                return;
            }
        }
        throw new AssertionError("sends of tenant " + tenantId + " still due after 10 passes");
    }
}
