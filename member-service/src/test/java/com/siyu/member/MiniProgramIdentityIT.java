package com.siyu.member;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
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
 * Mini-program identity against the real database, with WeChat played by WireMock loaded from the
 * same definitions as the local sandbox (deploy/wechat-sandbox): WxJava makes real HTTP calls to it.
 */
@ServiceIT
class MiniProgramIdentityIT {

    static final String SANDBOX_SESSION_KEY = "c2FuZGJveC1rZXktMDAwMQ==";
    static final WireMockServer weChat = new WireMockServer(wireMockConfig().dynamicPort()
            .usingFilesUnderDirectory("../deploy/wechat-sandbox"));

    static {
        weChat.start();
    }

    @DynamicPropertySource
    static void weChatAt(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", weChat::baseUrl);
    }

    @AfterAll
    static void stop() {
        weChat.stop();
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    long tenant;
    String appId;
    HttpHeaders admin;

    @BeforeEach
    void onboard() {
        String code = "mp-" + UUID.randomUUID().toString().substring(0, 8);
        appId = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ResponseEntity<String> created = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of(
                "code", code, "name", "Mall " + code, "miniappAppId", appId, "miniappSecret", "secret-" + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        tenant = read(created).path("id").asLong();
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
    }

    @Test
    void aFailedLoginNeverLogsTheAppSecret() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged = new ch.qos.logback.core.read.ListAppender<>();
        logged.start();
        root.addAppender(logged);
        String secret = jdbc.queryForObject("SELECT miniapp_secret FROM tenant WHERE id = ?", String.class, tenant);
        weChat.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", com.github.tomakehurst.wiremock.client.WireMock.matching("systemerror.*")).atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("{\"errcode\":-1,\"errmsg\":\"system error\"}")));
        weChat.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/sns/jscode2session"))
                .withQueryParam("js_code", com.github.tomakehurst.wiremock.client.WireMock.matching("broken.*")).atPriority(0)
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError().withBody("<html>bad gateway</html>")));
        try {
            ResponseEntity<String> systemError = loginResponse("systemerror1");
            assertThat(systemError.getStatusCode().value()).as(systemError.getBody()).isIn(502, 503);
            ResponseEntity<String> broken = loginResponse("broken1");
            assertThat(broken.getStatusCode().value()).as(broken.getBody()).isIn(502, 503);
            org.slf4j.LoggerFactory.getLogger(MiniProgramIdentityIT.class).warn("log scan marker");
            StringBuilder everything = new StringBuilder();
            for (ch.qos.logback.classic.spi.ILoggingEvent event : logged.list) {
                everything.append(event.getFormattedMessage()).append('\n');
                for (ch.qos.logback.classic.spi.IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                    everything.append(t.getMessage()).append('\n');
                }
            }
            assertThat(everything.toString()).contains("log scan marker").doesNotContain(secret).doesNotContain("secret=");
        } finally {
            root.detachAppender(logged);
            weChat.resetToDefaultMappings();
        }
    }

    @Test
    void aLoginCodeOutsideWeChatsAlphabetIsRefusedBeforeWeChatIsAsked() {
        int before = weChat.getAllServeEvents().size();
        for (String code : List.of("x&js_code=y", "a b", "a\"b", "a#b", "a%41", "a\r\nb", "a\u0000b")) {
            ResponseEntity<String> refused = loginResponse(code);
            assertThat(refused.getStatusCode().value()).as(code + " " + refused.getBody()).isEqualTo(400);
            assertThat(read(refused).path("errors").get(0).path("field").asText()).isEqualTo("code");
        }
        HttpHeaders headers = Http.json();
        headers.set("X-Miniapp-AppId", appId);
        ResponseEntity<String> surrogate = http.exchange("/api/v1/member/mini-program-sessions", HttpMethod.POST,
                new HttpEntity<>("{\"code\":\"ab\\ud800\"}", headers), String.class);
        assertThat(surrogate.getStatusCode().value()).as(surrogate.getBody()).isEqualTo(400);
        assertThat(weChat.getAllServeEvents().size()).isEqualTo(before);
    }

    @Test
    void aFirstLoginCreatesAWalkInAndTheNextFindsThem() {
        JsonNode first = login("alice");
        assertThat(first.path("newMember").asBoolean()).isTrue();
        JsonNode again = login("alice");
        assertThat(again.path("newMember").asBoolean()).isFalse();
        assertThat(again.path("memberId").asLong()).isEqualTo(first.path("memberId").asLong());
        JsonNode me = get("/api/v1/member/me", Http.member(tenant, first.path("memberId").asLong()));
        assertThat(me.path("stage").asText()).isEqualTo("WALK_IN");
        assertThat(tokenClaim(first.path("accessToken").asText(), "mid")).isEqualTo(first.path("memberId").asText());
        assertThat(tokenClaim(first.path("accessToken").asText(), "tid")).isEqualTo(Long.toString(tenant));
    }

    @Test
    void otherServicesGetTheMembersOpenidInTheMiniProgramUnmaskedAndOnlyInTheirTenant() {
        long member = login("payer").path("memberId").asLong();
        String stored = jdbc.queryForObject("SELECT value FROM member_identity WHERE tenant_id = ? AND member_id = ? AND kind = 'MINIAPP_OPENID'",
                String.class, tenant, member);
        HttpHeaders service = Http.internal(tenant);
        JsonNode openid = get("/internal/members/" + member + "/identities/MINIAPP_OPENID?scope=" + appId, service);
        assertThat(openid.path("value").asText()).isEqualTo(stored);
        assertThat(openid.path("scope").asText()).isEqualTo(appId);
        assertThat(http.exchange("/internal/members/" + member + "/identities/MINIAPP_OPENID?scope=wxsomeoneelse", HttpMethod.GET,
                new HttpEntity<>(service), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/members/" + member + "/identities/MINIAPP_OPENID?scope=" + appId, HttpMethod.GET,
                new HttpEntity<>(Http.internal(tenant + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/members/" + member + "/identities/NO_SUCH_KIND", HttpMethod.GET,
                new HttpEntity<>(service), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aWecomContactIsFoundByItsUnionIdOnceAndByItsExternalIdAfter() {
        long member = login("wecom~u7").path("memberId").asLong();
        HttpHeaders service = Http.internal(tenant);
        ResponseEntity<String> unknown = http.exchange("/internal/members/wecom-contacts", HttpMethod.POST,
                new HttpEntity<>(Map.of("corpId", "ww1", "externalUserId", "wmX1", "unionId", "u-nobody"), service), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> byUnion = http.exchange("/internal/members/wecom-contacts", HttpMethod.POST,
                new HttpEntity<>(Map.of("corpId", "ww1", "externalUserId", "wmX1", "unionId", "u-u7"), service), String.class);
        assertThat(byUnion.getStatusCode().value()).as(byUnion.getBody()).isEqualTo(200);
        assertThat(read(byUnion).path("id").asLong()).isEqualTo(member);
        // recorded on the member: the next callback needs no unionid, another tenant finds nothing
        ResponseEntity<String> byExternal = http.exchange("/internal/members/wecom-contacts", HttpMethod.POST,
                new HttpEntity<>(Map.of("corpId", "ww1", "externalUserId", "wmX1"), service), String.class);
        assertThat(read(byExternal).path("id").asLong()).isEqualTo(member);
        assertThat(jdbc.queryForObject("select count(*) from member_identity where tenant_id = ? and kind = 'WECOM_EXTERNAL_ID'"
                + " and scope = 'ww1' and value = 'wmX1' and member_id = ? and verified", Integer.class, tenant, member)).isEqualTo(1);
        assertThat(http.exchange("/internal/members/wecom-contacts", HttpMethod.POST, new HttpEntity<>(Map.of("corpId", "ww1",
                "externalUserId", "wmX1", "unionId", "u-u7"), Http.internal(tenant + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/members/wecom-contacts", HttpMethod.POST, new HttpEntity<>(Map.of("corpId", "ww1"), service),
                String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anOfficialAccountFollowerIsFoundByTheirUnionIdOnceAndTheirOpenIdIsThenTheMembers() {
        long member = login("mp~u8").path("memberId").asLong();
        HttpHeaders service = Http.internal(tenant);
        assertThat(http.exchange("/internal/members/mp-followers", HttpMethod.POST, new HttpEntity<>(Map.of("appId", "wxmp-mall", "openId", "mp-u8",
                "unionId", "u-nobody"), service), String.class).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> byUnion = http.exchange("/internal/members/mp-followers", HttpMethod.POST, new HttpEntity<>(Map.of("appId", "wxmp-mall",
                "openId", "mp-u8", "unionId", "u-u8"), service), String.class);
        assertThat(byUnion.getStatusCode().value()).as(byUnion.getBody()).isEqualTo(200);
        assertThat(read(byUnion).path("id").asLong()).isEqualTo(member);
        // the official-account messages now find the member's openid there; another tenant finds nothing
        assertThat(read(http.exchange("/internal/members/mp-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(member),
                "appId", "wxmp-mall"), service), String.class)).findValuesAsText("openId")).containsExactly("mp-u8");
        assertThat(read(http.exchange("/internal/members/mp-followers", HttpMethod.POST, new HttpEntity<>(Map.of("appId", "wxmp-mall", "openId", "mp-u8"),
                service), String.class)).path("id").asLong()).isEqualTo(member);
        assertThat(http.exchange("/internal/members/mp-followers", HttpMethod.POST, new HttpEntity<>(Map.of("appId", "wxmp-mall", "openId", "mp-u8",
                "unionId", "u-u8"), Http.internal(tenant + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/members/mp-followers", HttpMethod.POST, new HttpEntity<>(Map.of("appId", "wxmp-mall"), service),
                String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void otherServicesLearnWhichMembersHaveNotBeenSeenSinceADay() {
        long walkIn = login("dormant-a").path("memberId").asLong();
        long regular = login("dormant-b").path("memberId").asLong();
        jdbc.update("update member set last_visit_at = ? where tenant_id = ? and id = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusDays(40)), tenant, regular);
        HttpHeaders service = Http.internal(tenant);
        String since = java.time.Instant.now().minus(java.time.Duration.ofDays(30)).toString();
        // the walk-in registered just now is not dormant; the one last seen 40 days ago is, with when
        JsonNode dormant = read(http.exchange("/internal/members/dormant", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(walkIn, regular),
                "since", since), service), String.class));
        assertThat(dormant.findValuesAsText("id")).containsExactly(Long.toString(regular));
        assertThat(java.time.Instant.parse(dormant.get(0).path("lastSeenAt").asText())).isBefore(java.time.Instant.parse(since));
        // registered before a cut-off in the future and never seen: dormant; another tenant's service learns nothing
        String later = java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString();
        assertThat(read(http.exchange("/internal/members/dormant", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(walkIn), "since", later),
                service), String.class)).findValuesAsText("id")).containsExactly(Long.toString(walkIn));
        assertThat(read(http.exchange("/internal/members/dormant", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(walkIn, regular),
                "since", later), Http.internal(tenant + 1)), String.class))).isEmpty();
        assertThat(http.exchange("/internal/members/dormant", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of()), service), String.class)
                .getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theShopperGivesTheirBirthdayOnceStaffCorrectItAndGuideServiceFindsBirthdaysByDay() {
        long alice = login("bday-a").path("memberId").asLong();
        long bob = login("bday-b").path("memberId").asLong();
        HttpHeaders asAlice = Http.member(tenant, alice);
        ResponseEntity<String> set = http.exchange("/api/v1/member/me/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", "1992-02-29"),
                Http.write(asAlice)), String.class);
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
        assertThat(read(set).path("birthday").asText()).isEqualTo("1992-02-29");
        // the same again is fine; another one is the service desk's to correct, and nothing changed
        assertThat(http.exchange("/api/v1/member/me/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", "1992-02-29"), Http.write(asAlice)),
                String.class).getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> again = http.exchange("/api/v1/member/me/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", "1992-03-01"),
                Http.write(asAlice)), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(read(again).path("code").asText()).isEqualTo("BIRTHDAY_ALREADY_SET");
        for (String bad : new String[] {"2999-01-01", "1899-12-31", "1992-13-01", "02-29"}) {
            assertThat(http.exchange("/api/v1/member/me/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", bad), Http.write(asAlice)),
                    String.class).getStatusCode().value()).as(bad).isEqualTo(400);
        }
        assertThat(read(http.exchange("/api/v1/member/me", HttpMethod.GET, new HttpEntity<>(asAlice), String.class)).path("birthday").asText())
                .isEqualTo("1992-02-29");
        ResponseEntity<String> corrected = http.exchange("/admin/v1/member/members/" + bob + "/birthday", HttpMethod.PUT,
                new HttpEntity<>(Map.of("birthday", "1985-12-05"), Http.write(Http.staff(tenant, 1, "OPERATOR"))), String.class);
        assertThat(corrected.getStatusCode().value()).as(corrected.getBody()).isEqualTo(200);
        assertThat(http.exchange("/admin/v1/member/members/" + bob + "/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", "1985-12-06"),
                Http.write(Http.staff(tenant, 1, "CASHIER"))), String.class).getStatusCode().value()).isEqualTo(403);
        assertThat(http.exchange("/admin/v1/member/members/" + bob + "/birthday", HttpMethod.PUT, new HttpEntity<>(Map.of("birthday", "1985-12-06"),
                Http.write(Http.staff(tenant + 1, 1, "OPERATOR"))), String.class).getStatusCode().value()).isEqualTo(404);

        HttpHeaders service = Http.internal(tenant);
        JsonNode found = read(http.exchange("/internal/members/birthdays", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice, bob),
                "days", List.of("--02-28", "--02-29", "--03-01")), service), String.class));
        assertThat(found.findValuesAsText("id")).containsExactly(Long.toString(alice));
        assertThat(found.get(0).path("birthday").asText()).isEqualTo("1992-02-29");
        assertThat(read(http.exchange("/internal/members/birthdays", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice, bob),
                "days", List.of("--12-05")), service), String.class)).findValuesAsText("id")).containsExactly(Long.toString(bob));
        assertThat(read(http.exchange("/internal/members/birthdays", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice, bob),
                "days", List.of("--02-29", "--12-05")), Http.internal(tenant + 1)), String.class))).isEmpty();
        assertThat(http.exchange("/internal/members/birthdays", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice), "days", List.of("02-29")),
                service), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void theServicesThatMessageShoppersGetTheAppsTokenFromHereAndTheMembersOpenids() {
        long alice = login("tok-alice").path("memberId").asLong();
        HttpHeaders service = Http.internal(tenant);
        JsonNode token = read(http.exchange("/internal/wechat/mini-program/access-token", HttpMethod.GET, new HttpEntity<>(service), String.class));
        assertThat(token.path("appId").asText()).isEqualTo(appId);
        assertThat(token.path("accessToken").asText()).isEqualTo("sandbox-access-token");
        JsonNode openIds = read(http.exchange("/internal/members/mini-program-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids",
                List.of(alice, 999_999_999L)), service), String.class));
        assertThat(openIds.findValuesAsText("openId")).containsExactly("o-tok-alice");
        assertThat(openIds.get(0).path("memberId").asLong()).isEqualTo(alice);
        // a tenant that is not onboarded has no app (404); a shopper's token is no service's
        assertThat(http.exchange("/internal/members/mini-program-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice)),
                Http.internal(tenant + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/wechat/mini-program/access-token", HttpMethod.GET, new HttpEntity<>(Http.member(tenant, alice)),
                String.class).getStatusCode().value()).isIn(401, 403);
        assertThat(http.exchange("/internal/members/mini-program-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of()), service),
                String.class).getStatusCode().value()).isEqualTo(400);
        // a campaign's addressing: the tenant's active members among the ids (another tenant's ids are nobody)
        jdbc.update("update member set phone = '13800138000', nickname = '小爱' where id = ?", alice);
        JsonNode contacts = read(http.exchange("/internal/members/contacts", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice, 999_999_999L)),
                service), String.class));
        assertThat(contacts).hasSize(1);
        assertThat(contacts.get(0).path("id").asLong()).isEqualTo(alice);
        assertThat(contacts.get(0).path("phone").asText()).isEqualTo("13800138000");
        assertThat(contacts.get(0).path("nickname").asText()).isEqualTo("小爱");
        assertThat(read(http.exchange("/internal/members/contacts", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice)),
                Http.internal(tenant + 1)), String.class))).isEmpty();
        assertThat(http.exchange("/internal/members/contacts", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of()), service),
                String.class).getStatusCode().value()).isEqualTo(400);
        // official-account openids: the MP_OPENID of the app id asked, of this tenant's members only
        ResponseEntity<String> attached = http.exchange("/admin/v1/member/members/" + alice + "/identities", HttpMethod.POST, new HttpEntity<>(Map.of(
                "kind", "MP_OPENID", "scope", "wxmp-mall", "value", "mp-alice"), Http.write(Http.staff(tenant, 1, "OPERATOR"))), String.class);
        assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(201);
        JsonNode mp = read(http.exchange("/internal/members/mp-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice, 999_999_999L),
                "appId", "wxmp-mall"), service), String.class));
        assertThat(mp.findValuesAsText("openId")).containsExactly("mp-alice");
        assertThat(read(http.exchange("/internal/members/mp-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice), "appId",
                "wxmp-other"), service), String.class))).isEmpty();
        assertThat(read(http.exchange("/internal/members/mp-openids", HttpMethod.POST, new HttpEntity<>(Map.of("ids", List.of(alice), "appId",
                "wxmp-mall"), Http.internal(tenant + 1)), String.class))).isEmpty();
    }

    @Test
    void weChatRefusingTheCodeIsAClear400() {
        ResponseEntity<String> invalid = loginResponse("invalid-code");
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(read(invalid).path("code").asText()).isEqualTo("WECHAT_CODE_INVALID");
        assertThat(read(invalid).path("wechatErrcode").asInt()).isEqualTo(40029);
        ResponseEntity<String> used = loginResponse("used-code");
        assertThat(read(used).path("wechatErrcode").asInt()).isEqualTo(40163);
        assertThat(jdbc.queryForObject("select count(*) from member where tenant_id = ?", Integer.class, tenant)).isZero();
    }

    @Test
    void theSameUnionIdIsTheSamePerson() {
        long alice = login("alice").path("memberId").asLong();
        assertThat(login("alice~u1").path("memberId").asLong()).isEqualTo(alice);
        // another openid of the same WeChat user (unionid u-u1) is the same member
        assertThat(login("carol~u1").path("memberId").asLong()).isEqualTo(alice);

        long dave = login("dave").path("memberId").asLong();
        long erin = login("erin~u2").path("memberId").asLong();
        assertThat(dave).isNotEqualTo(erin);
        // dave's openid now arrives with erin's unionid: two records of one person are merged
        long merged = login("dave~u2").path("memberId").asLong();
        assertThat(merged).isEqualTo(Math.min(dave, erin));
        long loser = Math.max(dave, erin);
        JsonNode loserView = get("/admin/v1/member/members/" + loser, admin);
        assertThat(loserView.path("status").asText()).isEqualTo("MERGED");
        assertThat(loserView.path("mergedInto").asLong()).isEqualTo(merged);
        assertThat(get("/admin/v1/member/members/" + merged + "/identities", admin).findValuesAsText("value"))
                .contains("o-dave", "o-erin", "u-u2");
        assertThat(outbox("MemberMerged")).isEqualTo(1);
    }

    @Test
    void anEncryptedPhoneMakesAWalkInARegisteredMember() throws Exception {
        long member = login("frank").path("memberId").asLong();
        String[] payload = encryptPhone("13912340001");
        ResponseEntity<String> bound = http.exchange("/api/v1/member/me/phone", HttpMethod.POST,
                new HttpEntity<>(Map.of("encryptedData", payload[0], "iv", payload[1]), Http.write(Http.member(tenant, member))), String.class);
        assertThat(bound.getStatusCode().value()).as(bound.getBody()).isEqualTo(200);
        assertThat(read(bound).path("merged").asBoolean()).isFalse();
        assertThat(read(bound).path("phone").asText()).isEqualTo("139****0001");
        assertThat(get("/api/v1/member/me", Http.member(tenant, member)).path("stage").asText()).isEqualTo("REGISTERED");

        ResponseEntity<String> garbage = http.exchange("/api/v1/member/me/phone", HttpMethod.POST,
                new HttpEntity<>(Map.of("encryptedData", "bm90IGVuY3J5cHRlZA==", "iv", payload[1]), Http.write(Http.member(tenant, member))), String.class);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(read(garbage).path("code").asText()).isEqualTo("WECHAT_PHONE_PAYLOAD_INVALID");
    }

    @Test
    void aVerifiedPhoneOfACounterMemberMergesTheShopperIntoItAndAnOperatorCanUndoIt() {
        long counter = read(http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", "13712345678"), Http.write(Http.staff(tenant, 1, "CASHIER"))), String.class)).path("id").asLong();
        long shopper = login("grace").path("memberId").asLong();

        ResponseEntity<String> bound = http.exchange("/api/v1/member/me/phone", HttpMethod.POST,
                new HttpEntity<>(Map.of("phoneCode", "phone-13712345678"), Http.write(Http.member(tenant, shopper))), String.class);
        assertThat(bound.getStatusCode().value()).as(bound.getBody()).isEqualTo(200);
        JsonNode result = read(bound);
        assertThat(result.path("merged").asBoolean()).isTrue();
        assertThat(result.path("memberId").asLong()).isEqualTo(counter);
        assertThat(tokenClaim(result.path("session").path("accessToken").asText(), "mid")).isEqualTo(Long.toString(counter));
        assertThat(login("grace").path("memberId").asLong()).isEqualTo(counter);

        JsonNode history = get("/admin/v1/member/members/" + counter + "/merges", admin);
        long mergeId = history.get(0).path("id").asLong();
        assertThat(history.get(0).path("reason").asText()).contains("verified phone");
        ResponseEntity<String> undone = http.exchange("/admin/v1/member/merges/" + mergeId + "/undo", HttpMethod.POST,
                new HttpEntity<>(Map.of(), Http.write(admin)), String.class);
        assertThat(undone.getStatusCode().value()).as(undone.getBody()).isEqualTo(200);
        assertThat(get("/admin/v1/member/members/" + shopper, admin).path("status").asText()).isEqualTo("ACTIVE");
        assertThat(login("grace").path("memberId").asLong()).isEqualTo(shopper);
        ResponseEntity<String> twice = http.exchange("/admin/v1/member/merges/" + mergeId + "/undo", HttpMethod.POST,
                new HttpEntity<>(Map.of(), Http.write(admin)), String.class);
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(outbox("MemberUnmerged")).isEqualTo(1);
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheFamily() {
        JsonNode session = login("heidi");
        String first = session.path("refreshToken").asText();
        ResponseEntity<String> rotated = refresh(first);
        assertThat(rotated.getStatusCode().value()).as(rotated.getBody()).isEqualTo(201);
        String second = read(rotated).path("refreshToken").asText();
        assertThat(second).isNotEqualTo(first);
        assertThat(tokenClaim(read(rotated).path("accessToken").asText(), "mid")).isEqualTo(session.path("memberId").asText());

        ResponseEntity<String> replayed = refresh(first);
        assertThat(replayed.getStatusCode().value()).isEqualTo(401);
        assertThat(read(replayed).path("code").asText()).isEqualTo("REFRESH_TOKEN_REUSED");
        ResponseEntity<String> afterTheft = refresh(second);
        assertThat(afterTheft.getStatusCode().value()).isEqualTo(401);
        assertThat(read(afterTheft).path("code").asText()).isEqualTo("REFRESH_TOKEN_INVALID");

        String other = login("heidi").path("refreshToken").asText();
        http.postForEntity("/api/v1/member/session-revocations", new HttpEntity<>(Map.of("refreshToken", other), Http.json()), String.class);
        assertThat(refresh(other).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void staffAttachIdentitiesAndFindMembersByThem() {
        long member = login("ivan").path("memberId").asLong();
        ResponseEntity<String> card = http.exchange("/admin/v1/member/members/" + member + "/identities", HttpMethod.POST,
                new HttpEntity<>(Map.of("kind", "MEMBER_CARD", "value", "8800123456", "attributes", "level=GOLD"), Http.write(admin)), String.class);
        assertThat(card.getStatusCode().value()).as(card.getBody()).isEqualTo(201);
        assertThat(get("/admin/v1/member/members/lookup?kind=MEMBER_CARD&value=8800123456", admin).path("id").asLong()).isEqualTo(member);

        long other = login("judy").path("memberId").asLong();
        ResponseEntity<String> taken = http.exchange("/admin/v1/member/members/" + other + "/identities", HttpMethod.POST,
                new HttpEntity<>(Map.of("kind", "MEMBER_CARD", "value", "8800123456"), Http.write(admin)), String.class);
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(read(taken).path("memberId").asLong()).isEqualTo(member);
        ResponseEntity<String> unscoped = http.exchange("/admin/v1/member/members/" + other + "/identities", HttpMethod.POST,
                new HttpEntity<>(Map.of("kind", "WECOM_EXTERNAL_ID", "value", "wm123"), Http.write(admin)), String.class);
        assertThat(unscoped.getStatusCode().value()).isEqualTo(400);
        assertThat(read(unscoped).path("code").asText()).isEqualTo("INVALID_IDENTITY");

        HttpHeaders otherTenant = Http.staff(tenant + 100_000, 1, "TENANT_ADMIN");
        assertThat(http.exchange("/admin/v1/member/members/lookup?kind=MEMBER_CARD&value=8800123456", HttpMethod.GET,
                new HttpEntity<>(otherTenant), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/member/members/" + member + "/identities", HttpMethod.GET,
                new HttpEntity<>(otherTenant), String.class).getStatusCode().value()).isEqualTo(404);
    }

    private JsonNode login(String code) {
        ResponseEntity<String> response = loginResponse(code);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(201);
        return read(response);
    }

    private ResponseEntity<String> loginResponse(String code) {
        HttpHeaders headers = Http.json();
        headers.set("X-Miniapp-AppId", appId);
        return http.exchange("/api/v1/member/mini-program-sessions", HttpMethod.POST, new HttpEntity<>(Map.of("code", code), headers), String.class);
    }

    private ResponseEntity<String> refresh(String token) {
        return http.postForEntity("/api/v1/member/token-refreshes", new HttpEntity<>(Map.of("refreshToken", token), Http.json()), String.class);
    }

    private JsonNode get(String path, HttpHeaders headers) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response);
    }

    private int outbox(String type) {
        return jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and type = ?", Integer.class, tenant, type);
    }

    private String tokenClaim(String jwt, String claim) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(jwt).getJWTClaimsSet().getClaim(claim).toString();
        } catch (java.text.ParseException e) {
            throw new AssertionError(e);
        }
    }

    /** What WeChat's getPhoneNumber button hands the mini-program: AES-128-CBC with the session key. */
    private static String[] encryptPhone(String phone) throws Exception {
        byte[] iv = new byte[16];
        new SecureRandom().nextBytes(iv);
        String plain = "{\"phoneNumber\":\"" + phone + "\",\"purePhoneNumber\":\"" + phone + "\",\"countryCode\":\"86\","
                + "\"watermark\":{\"timestamp\":1700000000,\"appid\":\"sandbox\"}}";
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(SANDBOX_SESSION_KEY), "AES"), new IvParameterSpec(iv));
        return new String[] {Base64.getEncoder().encodeToString(cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8))),
                Base64.getEncoder().encodeToString(iv)};
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
