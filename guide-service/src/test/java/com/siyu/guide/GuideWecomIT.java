package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.guide.wecom.domain.WecomTransfers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl;
import me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeCom against the real database, WeCom played by WireMock loaded from the local sandbox's definitions (WxJava's
 * cp module makes real HTTP calls to it) and callbacks encrypted and signed as WeCom does, with WxJava's own crypto.
 */
@ServiceIT
class GuideWecomIT extends GuideServiceTestBase {

    static final WireMockServer wecom = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("../deploy/wechat-sandbox"));
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    static final String TOKEN = "cbToken42";

    static {
        wecom.start();
        Runtime.getRuntime().addShutdownHook(new Thread(wecom::stop));
    }

    @DynamicPropertySource
    static void wecomAt(DynamicPropertyRegistry registry) {
        registry.add("siyu.wecom.api-host", wecom::baseUrl);
    }

    @Autowired
    com.siyu.guide.wecom.domain.WecomRematch rematch;
    @Autowired
    WecomTransfers transfers;

    long tenant;
    String corpId;
    HttpHeaders admin;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        corpId = "ww" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        wecom.resetToDefaultMappings();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson(
                "{\"id\":1,\"code\":\"A\",\"name\":\"Store A\",\"latitude\":22.543100,\"longitude\":114.057900}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(okJson(
                "{\"id\":2,\"code\":\"B\",\"name\":\"Store B\",\"latitude\":23.129100,\"longitude\":113.264400}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).willReturn(okJson("{\"id\":1}")));
        memberService.stubFor(get(urlEqualTo("/internal/tenants/current"))
                .willReturn(okJson("{\"id\":1,\"code\":\"mall\",\"timeZone\":\"Asia/Shanghai\"}")));
        MemberServiceStub.staffAndCounters(memberService);
        ResponseEntity<String> configured = http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId,
                "contactSecret", "contact-secret-" + tenant, "callbackToken", TOKEN, "aesKey", AES_KEY, "welcomeText", "我是{guide}，欢迎！"),
                Http.write(admin)), String.class);
        assertThat(configured.getStatusCode().value()).as(configured.getBody()).isEqualTo(200);
    }

    @Test
    void theCorpsSecretsAreSealedAtRestAndNeverShown() {
        JsonNode corp = read(http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(corp.path("corpId").asText()).isEqualTo(corpId);
        assertThat(corp.path("callbackPath").asText()).isEqualTo("/api/v1/guide/wecom/callbacks/" + tenant);
        assertThat(corp.toString()).doesNotContain("contact-secret", AES_KEY, TOKEN);
        Map<String, Object> row = jdbc.queryForMap("select contact_secret, callback_token, aes_key from guide_wecom_corp where tenant_id = ?", tenant);
        assertThat(row.values()).allSatisfy(v -> assertThat(v.toString()).doesNotContain("contact-secret", AES_KEY, TOKEN));
        // a malformed key or a guide's token is refused, nothing changes
        ResponseEntity<String> bad = http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId,
                "contactSecret", "s", "callbackToken", TOKEN, "aesKey", "short"), Http.write(admin)), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId, "contactSecret", "s",
                "callbackToken", TOKEN, "aesKey", AES_KEY), Http.write(Http.staff(tenant, 5, "GUIDE"))), String.class).getStatusCode().value())
                .isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_corp where tenant_id = ? and welcome_text = '我是{guide}，欢迎！'",
                Integer.class, tenant)).isEqualTo(1);
        // another mall cannot claim this corp (its callbacks and contacts would be two tenants')
        ResponseEntity<String> taken = http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId,
                "contactSecret", "s", "callbackToken", TOKEN, "aesKey", AES_KEY), Http.write(Http.staff(tenant + 1, 1, "TENANT_ADMIN"))), String.class);
        assertThat(taken.getStatusCode().value()).isEqualTo(409);
        assertThat(read(taken).path("code").asText()).isEqualTo("WECOM_CORP_TAKEN");
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_corp where tenant_id = ?", Integer.class, tenant + 1)).isZero();
        assertThat(jdbc.queryForObject("select welcome_text from guide_wecom_corp where tenant_id = ?", String.class, tenant)).isEqualTo("我是{guide}，欢迎！");
        // the tenant itself changes its corp's settings in place
        assertThat(http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId, "contactSecret", "s2",
                "callbackToken", TOKEN, "aesKey", AES_KEY, "welcomeText", "新的欢迎语"), Http.write(admin)), String.class).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select welcome_text from guide_wecom_corp where tenant_id = ?", String.class, tenant)).isEqualTo("新的欢迎语");
    }

    @Test
    void theUrlCheckEchoesOnlyForTheCorpsSignature() {
        WxCryptUtil.EncryptContext echo = crypt().encryptContext("echo-" + tenant);
        // as WeCom sends it: echostr URL-encoded (Base64 has '+'), so the URI is taken as is, not as a template
        ResponseEntity<String> ok = http.getRestTemplate().getForEntity(java.net.URI.create(http.getRootUri()
                + callbackUrl(echo.getSignature(), echo.getTimeStamp(), echo.getNonce()) + "&echostr=" + enc(echo.getEncrypt())), String.class);
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody()).isEqualTo("echo-" + tenant);
        ResponseEntity<String> forged = http.getRestTemplate().getForEntity(java.net.URI.create(http.getRootUri()
                + callbackUrl("0".repeat(40), echo.getTimeStamp(), echo.getNonce()) + "&echostr=" + enc(echo.getEncrypt())), String.class);
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aShopperAddingAGuideIsBoundWelcomedOnceAndLosingThemIsSeenByTheManager() {
        long guide = guide(11, 1, "zhangsan");
        // the shopper is known to member-service only by unionid: the sandbox's contact wmA~u1 has unionid u-u1
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts"))
                .withRequestBody(matchingJsonPath("$.unionId", absent())).willReturn(MemberServiceStub.notThisTenants()));
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts"))
                .withRequestBody(matchingJsonPath("$.unionId", equalTo("u-u1"))).withRequestBody(matchingJsonPath("$.corpId", equalTo(corpId)))
                .willReturn(okJson("{\"id\":4001}")));
        String add = event("add_external_contact", "zhangsan", "wmA~u1", "<State><![CDATA[]]></State><WelcomeCode><![CDATA[wc-" + tenant
                + "]]></WelcomeCode>");

        // forged: signed with another token; nothing is recorded, nothing is sent
        ResponseEntity<String> forged = deliver(add, new WxCpCryptUtil(config("otherToken")));
        assertThat(forged.getStatusCode().value()).isEqualTo(401);
        assertThat(read(forged).path("code").asText()).isEqualTo("WECOM_SIGNATURE_INVALID");
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_contact where tenant_id = ?", Integer.class, tenant)).isZero();

        ResponseEntity<String> first = deliver(add, crypt());
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(first.getBody()).isEqualTo("success");
        // WeCom delivers it again (and once more re-encrypted with a new nonce): applied once, welcomed once
        assertThat(deliver(add, crypt()).getBody()).isEqualTo("success");
        assertThat(deliver(add, crypt()).getBody()).isEqualTo("success");
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/send_welcome_msg"))
                .withRequestBody(matchingJsonPath("$.welcome_code", equalTo("wc-" + tenant)))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("我是导购11，欢迎！"))));
        assertThat(jdbc.queryForObject("select status from guide_wecom_welcome where tenant_id = ?", String.class, tenant)).isEqualTo("SENT");

        JsonNode bound = read(http.exchange("/admin/v1/guide/members/4001/guide", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(bound.path("guideId").asLong()).as(bound.toString()).isEqualTo(guide);
        assertThat(bound.path("source").asText()).isEqualTo("WECOM");
        assertThat(jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id = ? and member_id = 4001 and source = 'WECOM'",
                Integer.class, tenant)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select member_id from guide_wecom_contact where tenant_id = ? and external_user_id = 'wmA~u1'",
                Long.class, tenant)).isEqualTo(4001L);
        assertThat(events(tenant, "GuideBound")).hasSize(1);

        // the shopper deletes the guide: the contact and the binding record it, the store's manager sees it, another store's does not
        assertThat(deliver(event("del_follow_user", "zhangsan", "wmA~u1", ""), crypt()).getBody()).isEqualTo("success");
        assertThat(jdbc.queryForObject("select status from guide_wecom_contact where tenant_id = ? and external_user_id = 'wmA~u1'",
                String.class, tenant)).isEqualTo("LOST");
        assertThat(jdbc.queryForObject("select wecom_lost_at is not null from guide_binding where tenant_id = ? and member_id = 4001",
                Boolean.class, tenant)).isTrue();
        JsonNode lost = read(http.exchange("/admin/v1/guide/wecom/lost-contacts", HttpMethod.GET,
                new HttpEntity<>(Http.staffAt(tenant, 2, 1, "MANAGER")), String.class));
        assertThat(lost).hasSize(1);
        assertThat(lost.get(0).path("memberId").asLong()).isEqualTo(4001);
        assertThat(lost.get(0).path("guideId").asLong()).isEqualTo(guide);
        assertThat(read(http.exchange("/admin/v1/guide/wecom/lost-contacts", HttpMethod.GET,
                new HttpEntity<>(Http.staffAt(tenant, 3, 2, "MANAGER")), String.class))).isEmpty();
        assertThat(read(http.exchange("/admin/v1/guide/wecom/lost-contacts", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 1, "TENANT_ADMIN")), String.class))).isEmpty();

        // added again later: the contact is ACTIVE again and the binding forgets the loss; the member stays bound once
        assertThat(deliver(event("add_external_contact", "zhangsan", "wmA~u1", "<CreateTime>2</CreateTime>"), crypt()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select wecom_lost_at is null from guide_binding where tenant_id = ? and member_id = 4001",
                Boolean.class, tenant)).isTrue();
        assertThat(jdbc.queryForObject("select status from guide_wecom_contact where tenant_id = ? and external_user_id = 'wmA~u1'",
                String.class, tenant)).isEqualTo("ACTIVE");
        assertThat(events(tenant, "GuideBound")).hasSize(1);
    }

    @Test
    void eightConcurrentDeliveriesOfOneAddBindOnceAndWelcomeOnce() throws Exception {
        long guide = guide(15, 1, "sunqi");
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).willReturn(okJson("{\"id\":4020}")));
        String add = event("add_external_contact", "sunqi", "wmE", "<WelcomeCode>wc-c-" + tenant + "</WelcomeCode>");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return deliver(add, crypt()).getStatusCode().value();
            }));
        }
        go.countDown();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            assertThat(answer.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
        }
        pool.shutdown();
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/send_welcome_msg"))
                .withRequestBody(matchingJsonPath("$.welcome_code", equalTo("wc-c-" + tenant))));
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_callback where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select guide_id from guide_binding where tenant_id = ? and member_id = 4020", Long.class, tenant))
                .isEqualTo(guide);
        assertThat(events(tenant, "GuideBound")).hasSize(1);
    }

    @Test
    void anUnknownShopperOrGuideIsKeptAsAContactWithoutABindingAndAFailedWelcomeIsNotRetried() {
        long lisi = guide(12, 1, "lisi");
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).willReturn(MemberServiceStub.notThisTenants()));
        assertThat(deliver(event("add_external_contact", "lisi", "wmStranger", "<WelcomeCode>expired-" + tenant + "</WelcomeCode>"), crypt())
                .getStatusCode().value()).isEqualTo(200);
        assertThat(deliver(event("add_external_contact", "nobody", "wmB~u2", ""), crypt()).getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.queryForList("select outcome from guide_wecom_callback where tenant_id = ? order by id", String.class, tenant))
                .containsExactly("UNKNOWN_MEMBER; welcome FAILED", "UNKNOWN_GUIDE");
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_contact where tenant_id = ? and member_id is null", Integer.class, tenant))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ?", Integer.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select error from guide_wecom_welcome where tenant_id = ?", String.class, tenant)).contains("41051");

        // member-service down: the callback is not applied and not remembered, so WeCom's redelivery applies it
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).willReturn(aResponse().withStatus(503)));
        ResponseEntity<String> failing = deliver(event("add_external_contact", "lisi", "wmC~u3", "<CreateTime>3</CreateTime>"), crypt());
        assertThat(failing.getStatusCode().value()).isGreaterThanOrEqualTo(500);
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_callback where tenant_id = ?", Integer.class, tenant)).isEqualTo(2);
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).willReturn(okJson("{\"id\":4003}")));
        assertThat(deliver(event("add_external_contact", "lisi", "wmC~u3", "<CreateTime>3</CreateTime>"), crypt()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ? and member_id = 4003", Integer.class, tenant))
                .isEqualTo(1);

        // later the stranger opens the mini-program (member-service knows them now) and "nobody" is enrolled as a guide:
        // the hourly re-match binds both, as their adds would have, and tries nobody twice within a day
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.externalUserId", equalTo("wmStranger"))).willReturn(okJson("{\"id\":4004}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.externalUserId", equalTo("wmB~u2"))).willReturn(okJson("{\"id\":4005}")));
        long nobody = guide(14, 1, "nobody");
        rematch.rematch(Instant.now());
        assertThat(jdbc.queryForObject("select guide_id from guide_binding where tenant_id = ? and member_id = 4004", Long.class, tenant))
                .isEqualTo(lisi);
        assertThat(jdbc.queryForObject("select guide_id from guide_binding where tenant_id = ? and member_id = 4005", Long.class, tenant))
                .isEqualTo(nobody);
        assertThat(jdbc.queryForObject("select source from guide_binding where tenant_id = ? and member_id = 4005", String.class, tenant))
                .isEqualTo("WECOM");
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_contact where tenant_id = ? and (member_id is null or guide_id is null)",
                Integer.class, tenant)).isZero();
        int history = jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id = ?", Integer.class, tenant);
        rematch.rematch(Instant.now().plus(Duration.ofDays(2)));
        assertThat(jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id = ?", Integer.class, tenant)).isEqualTo(history);

        // a tenant without a corp, or a callback to the wrong tenant's URL, changes nothing
        ResponseEntity<String> otherTenant = http.exchange(callbackUrl(tenant + 1, "x", "1", "n"), HttpMethod.POST,
                new HttpEntity<>("<xml/>", xml()), String.class);
        assertThat(otherTenant.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aChannelCodeNamesTheBindingsChannelAndTheNearestStoresCodeIsPicked() {
        long a = guide(13, 1, "wangwu");
        long b = guide(714, 2, "zhaoliu");
        ResponseEntity<String> created = http.exchange("/admin/v1/guide/wecom/contact-codes", HttpMethod.POST, new HttpEntity<>(Map.of(
                "kind", "CHANNEL", "channel", "poster-618", "guideIds", List.of(a), "tags", List.of("618海报", "rule-tag")), Http.write(admin)),
                String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode code = read(created);
        assertThat(code.path("tags").toString()).isEqualTo("[\"618海报\",\"rule-tag\"]");
        assertThat(code.path("qrCode").asText()).isEqualTo("https://wework.qpic.cn/sandbox/" + code.path("state").asText() + ".png");
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/add_contact_way"))
                .withRequestBody(matchingJsonPath("$.user[0]", equalTo("wangwu")))
                .withRequestBody(matchingJsonPath("$.state", equalTo(code.path("state").asText()))));
        assertThat(http.exchange("/admin/v1/guide/wecom/contact-codes", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "CHANNEL",
                "channel", "poster-618", "guideIds", List.of(a)), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(409);
        assertThat(http.exchange("/admin/v1/guide/wecom/contact-codes", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "STORE",
                "channel", "store-x"), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(400);

        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).willReturn(okJson("{\"id\":4010}")));
        // the code tags the shopper; a tag member-service refuses (a rule tag of that name) is recorded, the add still applies
        memberService.stubFor(post(urlEqualTo("/internal/members/4010/tags")).willReturn(okJson("[]")));
        memberService.stubFor(post(urlEqualTo("/internal/members/4010/tags")).atPriority(1).withRequestBody(matchingJsonPath("$.name",
                equalTo("rule-tag"))).willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"TAG_IS_RULE_BASED\",\"detail\":\"rule-tag is rule based\"}")));
        assertThat(http.exchange("/admin/v1/guide/wecom/contact-codes", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "CHANNEL", "channel",
                "poster-x", "guideIds", List.of(a), "tags", List.of("a\nb")), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(deliver(event("add_external_contact", "wangwu", "wmD", "<State>" + code.path("state").asText() + "</State>"), crypt()).getBody())
                .isEqualTo("success");
        memberService.verify(postRequestedFor(urlEqualTo("/internal/members/4010/tags")).withRequestBody(matchingJsonPath("$.name", equalTo("618海报"))));
        assertThat(jdbc.queryForObject("select outcome from guide_wecom_callback where tenant_id = ? and event = 'change_external_contact'",
                String.class, tenant)).endsWith("; tagged 1, refused rule-tag");
        JsonNode history = read(http.exchange("/admin/v1/guide/members/4010/binding-history", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(history.toString()).contains("poster-618");
        assertThat(jdbc.queryForObject("select channel from guide_binding where tenant_id = ? and member_id = 4010", String.class, tenant))
                .isEqualTo("poster-618");

        // store codes: the store's WeCom guides; a shopper in Guangzhou gets store 2's, one in Shenzhen store 1's
        for (long store : List.of(1L, 2L)) {
            assertThat(http.exchange("/admin/v1/guide/wecom/contact-codes", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "STORE",
                    "channel", "store-" + store, "storeId", store), Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(201);
        }
        JsonNode guangzhou = read(http.exchange("/api/v1/guide/wecom/contact-codes/nearest?latitude=23.13&longitude=113.26", HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant, 4010)), String.class));
        assertThat(guangzhou.path("storeId").asLong()).isEqualTo(2);
        assertThat(guangzhou.path("code").path("guideIds").get(0).asLong()).isEqualTo(b);
        assertThat(guangzhou.path("distanceMeters").asLong()).isLessThan(1_000);
        JsonNode shenzhen = read(http.exchange("/api/v1/guide/wecom/contact-codes/nearest?latitude=22.54&longitude=114.05", HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant, 4010)), String.class));
        assertThat(shenzhen.path("storeId").asLong()).isEqualTo(1);
        assertThat(http.exchange("/api/v1/guide/wecom/contact-codes/nearest?latitude=123&longitude=113.26", HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant, 4010)), String.class).getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void weComsTransferOfAMovedGuidesCustomersIsSettledPerCustomerAndTheBindingStaysWithTheSuccessor() throws Exception {
        long leaver = guide(21, 1, "leaver");
        long successor = guide(22, 1, "successor");
        Map<String, Long> memberOf = new HashMap<>();
        String[] customers = {"wmOk", "wmRefuse", "wmLimit", "wmWait", "failBad", "wmFailCb"};
        for (int i = 0; i < customers.length; i++) {
            long member = 5000 + i;
            memberOf.put(customers[i], member);
            memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts"))
                    .withRequestBody(matchingJsonPath("$.externalUserId", equalTo(customers[i]))).willReturn(okJson("{\"id\":" + member + "}")));
            deliver(event("add_external_contact", "leaver", customers[i], ""), crypt());
        }
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ? and guide_id = ?", Integer.class, tenant, leaver))
                .isEqualTo(6);

        ResponseEntity<String> started = http.exchange("/admin/v1/guide/guides/" + leaver + "/handovers", HttpMethod.POST,
                new HttpEntity<>(Map.of("status", "MOVED", "reason", "moved to HQ"), Http.write(admin)), String.class);
        long handover = read(started).path("id").asLong();
        awaitDone(handover);
        assertThat(transfersOf(handover).path("counts").path("PENDING").asInt()).isEqualTo(6);

        // WeCom's answers: one customer is refused at submission, then results per customer
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/transfer_result")).atPriority(1).willReturn(okJson("{\"errcode\":0,"
                + "\"customer\":[{\"external_userid\":\"wmOk\",\"status\":1,\"takeover_time\":1},{\"external_userid\":\"wmRefuse\",\"status\":3},"
                + "{\"external_userid\":\"wmLimit\",\"status\":4},{\"external_userid\":\"wmWait\",\"status\":2},"
                + "{\"external_userid\":\"wmFailCb\",\"status\":2}],\"next_cursor\":\"\"}")));
        Instant now = Instant.now();
        transfers.drive(now);
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/transfer_customer"))
                .withRequestBody(matchingJsonPath("$.handover_userid", equalTo("leaver")))
                .withRequestBody(matchingJsonPath("$.takeover_userid", equalTo("successor"))));
        JsonNode submitted = transfersOf(handover);
        assertThat(submitted.path("counts").path("WAITING").asInt()).isEqualTo(5);
        assertThat(submitted.path("counts").path("FAILED").asInt()).isEqualTo(1);

        // WeCom calls back: the successor's contacts are full for one customer
        deliver(event("transfer_fail", "successor", "wmFailCb", "<FailReason>customer_limit_exceed</FailReason>"), crypt());
        transfers.drive(now.plus(Duration.ofHours(2)));
        JsonNode polled = transfersOf(handover);
        assertThat(status(polled, "wmOk")).isEqualTo("TRANSFERRED");
        assertThat(status(polled, "wmRefuse")).isEqualTo("REFUSED");
        assertThat(status(polled, "wmWait")).isEqualTo("WAITING");
        assertThat(status(polled, "wmLimit")).isEqualTo("FAILED");
        assertThat(status(polled, "wmFailCb")).isIn("FAILED", "WAITING");
        // the refused one at submission was retried with the batch at +2 h and refused again: two attempts, errcode kept
        JsonNode bad = customer(polled, "failBad");
        assertThat(bad.path("status").asText()).isEqualTo("FAILED");
        assertThat(bad.path("attempts").asInt()).isEqualTo(2);
        assertThat(bad.path("errcode").asInt()).isEqualTo(40096);

        // the contact moved only where WeCom moved it
        assertThat(jdbc.queryForObject("select guide_id from guide_wecom_contact where tenant_id = ? and wecom_user_id = 'successor'"
                + " and external_user_id = 'wmOk' and status = 'ACTIVE'", Long.class, tenant)).isEqualTo(successor);
        assertThat(jdbc.queryForObject("select status from guide_wecom_contact where tenant_id = ? and wecom_user_id = 'leaver'"
                + " and external_user_id = 'wmOk'", String.class, tenant)).isEqualTo("REMOVED");
        assertThat(jdbc.queryForObject("select status from guide_wecom_contact where tenant_id = ? and wecom_user_id = 'leaver'"
                + " and external_user_id = 'wmRefuse'", String.class, tenant)).isEqualTo("ACTIVE");
        // whatever WeCom answered, every member is bound to the successor
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id = ? and guide_id = ?", Integer.class, tenant,
                successor)).isEqualTo(6);

        // retries run out: a customer WeCom never takes ends FAILED for good (next_at null) after MAX_ATTEMPTS
        Instant later = now.plus(Duration.ofHours(3));
        for (int i = 0; i < WecomTransfers.MAX_ATTEMPTS + 2; i++) {
            later = later.plus(Duration.ofDays(1));
            transfers.drive(later);
        }
        JsonNode end = customer(transfersOf(handover), "failBad");
        assertThat(end.path("attempts").asInt()).isEqualTo(WecomTransfers.MAX_ATTEMPTS);
        assertThat(end.hasNonNull("nextAt")).isFalse();
        assertThat(status(transfersOf(handover), "wmRefuse")).isEqualTo("REFUSED");
        // another tenant's staff cannot read the handover's transfers
        assertThat(http.exchange("/admin/v1/guide/handovers/" + handover + "/wecom-transfers", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 1, "TENANT_ADMIN")), String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void customerGroupsAreSyncedKeptCurrentByCallbacksAndCountedPerDay() {
        long qian = guide(31, 1, "qian");
        long other = guide(32, 1, "sun");
        // wmG2 is already qian's contact (member 6002); wmG1 is known to member-service by unionid u-g1 only
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts"))
                .withRequestBody(matchingJsonPath("$.externalUserId", equalTo("wmG2"))).willReturn(okJson("{\"id\":6002}")));
        deliver(event("add_external_contact", "qian", "wmG2", ""), crypt());
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts"))
                .withRequestBody(matchingJsonPath("$.unionId", equalTo("u-g1"))).willReturn(okJson("{\"id\":6001}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).atPriority(9)
                .withRequestBody(matchingJsonPath("$.externalUserId", equalTo("wmG1"))).willReturn(MemberServiceStub.notThisTenants()));
        long now = Instant.now().getEpochSecond();
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/groupchat/list")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.owner_filter.userid_list[?(@ == 'qian')]"))
                .willReturn(okJson("{\"errcode\":0,\"group_chat_list\":[{\"chat_id\":\"wrA\",\"status\":0}],\"next_cursor\":\"\"}")));
        stubGroup("wrA", "qian", now, "wmG1", "wmG2");

        ResponseEntity<String> synced = http.exchange("/admin/v1/guide/wecom/group-syncs", HttpMethod.POST, new HttpEntity<>(null, Http.write(admin)),
                String.class);
        assertThat(synced.getStatusCode().value()).as(synced.getBody()).isEqualTo(200);
        assertThat(read(synced).path("groups").asInt()).isEqualTo(1);
        assertThat(read(synced).path("joins").asInt()).isEqualTo(3);
        // a second sync changes nothing
        assertThat(read(http.exchange("/admin/v1/guide/wecom/group-syncs", HttpMethod.POST, new HttpEntity<>(null, Http.write(admin)),
                String.class)).path("joins").asInt()).isZero();
        assertThat(jdbc.queryForList("select member_id from guide_wecom_group_member where tenant_id = ? and external order by member_key",
                Long.class, tenant)).containsExactly(6001L, 6002L);

        // paid while in the group counts for its GMV; a refund is taken off; another shopper's payment does not count
        jdbc.update("insert into guide_attribution (tenant_id, order_no, payment_no, member_id, store_id, merchant_id, gross_fen, paid_fen,"
                + " refunded_fen, paid_at) values (?, 'o1', 'p1', 6001, 1, 501, 12000, 10000, 1500, ?), (?, 'o2', 'p2', 6999, 1, 501, 9000, 9000, 0, ?)",
                tenant, java.sql.Timestamp.from(Instant.now()), tenant, java.sql.Timestamp.from(Instant.now()));

        // WeCom tells of a change: wmG2 left, wmG3 joined
        stubGroup("wrA", "qian", now, "wmG1", "wmG3");
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).atPriority(9)
                .withRequestBody(matchingJsonPath("$.externalUserId", equalTo("wmG3"))).willReturn(MemberServiceStub.notThisTenants()));
        String change = "<xml><ToUserName>" + corpId + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>9</CreateTime><MsgType>event</MsgType>"
                + "<Event>change_external_chat</Event><ChatId>wrA</ChatId><ChangeType>update</ChangeType><UpdateDetail>del_member</UpdateDetail>"
                + "<MemChangeCnt>1</MemChangeCnt></xml>";
        assertThat(deliver(change, crypt()).getBody()).isEqualTo("success");
        assertThat(jdbc.queryForObject("select outcome from guide_wecom_callback where tenant_id = ? and event = 'change_external_chat'",
                String.class, tenant)).isEqualTo("GROUP 1 joined, 1 left");

        // yesterday and today in the mall's zone (the joins an hour or two ago may fall on either side of its midnight)
        java.time.LocalDate date = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        String today = date.toString();
        JsonNode days = read(http.exchange("/admin/v1/guide/wecom/groups/wrA/days?from=" + date.minusDays(1) + "&to=" + today, HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 31, "GUIDE")), String.class));
        assertThat(days.path("days")).as(days.toString()).hasSize(2);
        JsonNode day = days.path("days").get(1);
        assertThat(day.path("date").asText()).isEqualTo(today);
        assertThat(day.path("size").asLong()).as(days.toString()).isEqualTo(3);
        assertThat(days.path("days").findValues("joins").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(4);
        assertThat(days.path("days").findValues("leaves").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(1);
        assertThat(day.path("leaves").asLong()).isEqualTo(1);
        assertThat(day.path("gmvFen").asLong()).isEqualTo(8500);
        assertThat(days.path("days").get(0).path("gmvFen").asLong()).isZero();
        assertThat(days.path("group").path("ownerGuideId").asLong()).isEqualTo(qian);
        // another guide neither lists nor reads it; another tenant does not find it
        assertThat(read(http.exchange("/admin/v1/guide/wecom/groups", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 32, "GUIDE")),
                String.class))).isEmpty();
        assertThat(read(http.exchange("/admin/v1/guide/wecom/groups", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 31, "GUIDE")),
                String.class))).hasSize(1);
        assertThat(http.exchange("/admin/v1/guide/wecom/groups/wrA/days?from=" + today + "&to=" + today, HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 32, "GUIDE")), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/guide/wecom/groups/wrA/days?from=" + today + "&to=" + today, HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 1, "TENANT_ADMIN")), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(other).isNotEqualTo(qian);

        // a group QR code over the tenant's group; an unknown group is refused and nothing is created
        ResponseEntity<String> code = http.exchange("/admin/v1/guide/wecom/group-codes", HttpMethod.POST, new HttpEntity<>(Map.of("name", "vip",
                "chatIds", List.of("wrA"), "roomBaseName", "VIP群"), Http.write(admin)), String.class);
        assertThat(code.getStatusCode().value()).as(code.getBody()).isEqualTo(201);
        assertThat(read(code).path("qrCode").asText()).startsWith("https://wework.qpic.cn/sandbox/group-gcfg-syg");
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/groupchat/add_join_way"))
                .withRequestBody(matchingJsonPath("$.auto_create_room", equalTo("1"))).withRequestBody(matchingJsonPath("$.chat_id_list[0]", equalTo("wrA"))));
        ResponseEntity<String> unknown = http.exchange("/admin/v1/guide/wecom/group-codes", HttpMethod.POST, new HttpEntity<>(Map.of("name", "x",
                "chatIds", List.of("wrNope"), "roomBaseName", "X"), Http.write(admin)), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_group_code where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);

        // dismissed: everyone has left
        String dismiss = change.replace("<ChangeType>update</ChangeType>", "<ChangeType>dismiss</ChangeType>").replace("<CreateTime>9", "<CreateTime>10");
        deliver(dismiss, crypt());
        assertThat(jdbc.queryForObject("select status from guide_wecom_group where tenant_id = ? and chat_id = 'wrA'", String.class, tenant))
                .isEqualTo("DISMISSED");
        assertThat(jdbc.queryForObject("select count(*) from guide_wecom_group_member where tenant_id = ? and left_at is null", Integer.class, tenant))
                .isZero();
    }

    /** WeCom's detail of a group: its owner (a corp member) and these shoppers, joined an hour before {@code now}. */
    @Test
    void aCommunityTaskWithAGoalIsDoneWhenWeComReportsThatManyNewShoppersAndOneWithoutAGoalByItsEvidence() {
        long qian = guide(31, 1, "qian");
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).atPriority(9).willReturn(MemberServiceStub.notThisTenants()));
        long now = Instant.now().getEpochSecond();
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/groupchat/list")).atPriority(1)
                .willReturn(okJson("{\"errcode\":0,\"group_chat_list\":[{\"chat_id\":\"wrC\",\"status\":0}],\"next_cursor\":\"\"}")));
        stubGroup("wrC", "qian", now, "wmC1");
        assertThat(http.exchange("/admin/v1/guide/wecom/group-syncs", HttpMethod.POST, new HttpEntity<>(null, Http.write(admin)), String.class)
                .getStatusCode().value()).isEqualTo(200);

        String due = Instant.now().plus(Duration.ofDays(2)).toString();
        ResponseEntity<String> grow = http.exchange("/admin/v1/guide/community-tasks", HttpMethod.POST, new HttpEntity<>(Map.of("chatIds", List.of("wrC"),
                "title", "拉新 2 人进群", "goal", 2, "rewardPoints", 5, "dueAt", due), Http.write(admin)), String.class);
        assertThat(grow.getStatusCode().value()).as(grow.getBody()).isEqualTo(201);
        JsonNode growTask = read(grow).get(0);
        assertThat(growTask.path("guideId").asLong()).isEqualTo(qian);
        assertThat(growTask.path("completesOn").asText()).isEqualTo("JOINS");
        ResponseEntity<String> post = http.exchange("/admin/v1/guide/community-tasks", HttpMethod.POST, new HttpEntity<>(Map.of("chatIds", List.of("wrC"),
                "title", "发布周末活动", "dueAt", due), Http.write(admin)), String.class);
        long postTask = read(post).get(0).path("id").asLong();
        // an unknown group is refused and nothing is set
        ResponseEntity<String> unknown = http.exchange("/admin/v1/guide/community-tasks", HttpMethod.POST, new HttpEntity<>(Map.of("chatIds",
                List.of("wrC", "wrNope"), "title", "x", "dueAt", due), Http.write(admin)), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(read(unknown).path("code").asText()).isEqualTo("UNKNOWN_WECOM_GROUP");
        assertThat(jdbc.queryForObject("select count(*) from guide_task where tenant_id = ? and rule = 'COMMUNITY'", Integer.class, tenant)).isEqualTo(2);

        HttpHeaders qianRead = Http.staff(tenant, 31, "GUIDE");
        ResponseEntity<String> byHand = http.exchange("/admin/v1/guide/tasks/" + growTask.path("id").asLong() + "/completion", HttpMethod.POST,
                new HttpEntity<>(Map.of("evidence", "我拉了"), Http.write(qianRead)), String.class);
        assertThat(read(byHand).path("code").asText()).isEqualTo("TASK_COMPLETES_ON_JOINS");
        ResponseEntity<String> noEvidence = http.exchange("/admin/v1/guide/tasks/" + postTask + "/completion", HttpMethod.POST,
                new HttpEntity<>(Map.of(), Http.write(qianRead)), String.class);
        assertThat(read(noEvidence).path("code").asText()).isEqualTo("EVIDENCE_REQUIRED");
        ResponseEntity<String> withEvidence = http.exchange("/admin/v1/guide/tasks/" + postTask + "/completion", HttpMethod.POST,
                new HttpEntity<>(Map.of("evidence", "https://img.example/post.png"), Http.write(qianRead)), String.class);
        assertThat(read(withEvidence).path("status").asText()).isEqualTo("DONE");

        // WeCom reports one new shopper, then a second: the goal is reached (wmC1 joined before the task and does not count)
        stubGroupJoinedAt("wrC", "qian", now, Instant.now().getEpochSecond() + 1, "wmC1", "wmC2");
        deliver(change("wrC", 11), crypt());
        assertThat(taskStatus(growTask.path("id").asLong())).isEqualTo("OPEN");
        stubGroupJoinedAt("wrC", "qian", now, Instant.now().getEpochSecond() + 1, "wmC1", "wmC2", "wmC3");
        deliver(change("wrC", 12), crypt());
        assertThat(taskStatus(growTask.path("id").asLong())).isEqualTo("DONE");
        assertThat(jdbc.queryForObject("select evidence from guide_task where tenant_id = ? and id = ?", String.class, tenant,
                growTask.path("id").asLong())).isEqualTo("2 shoppers joined");
        assertThat(jdbc.queryForObject("select coalesce(sum(points), 0) from guide_points where tenant_id = ? and guide_id = ?", Long.class, tenant,
                qian)).isEqualTo(5);
    }

    @Test
    void aMessageThroughTheBoundGuideIsOneWeComTaskPerKeyAndSaysWhyWhenItCannotBe() {
        guide(12, 1, "lisi");
        memberService.stubFor(post(urlEqualTo("/internal/members/wecom-contacts")).withRequestBody(matchingJsonPath("$.externalUserId",
                equalTo("wmB~u2"))).willReturn(okJson("{\"id\":4002}")));
        assertThat(deliver(event("add_external_contact", "lisi", "wmB~u2", "<State><![CDATA[]]></State>"), crypt()).getBody()).isEqualTo("success");
        Map<String, Object> message = Map.of("memberId", 4002, "text", "周末焕新，送你满100减20", "key", "campaign:1:1:4002");
        ResponseEntity<String> sent = http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(message, Http.internal(tenant)),
                String.class);
        assertThat(sent.getStatusCode().value()).as(sent.getBody()).isEqualTo(200);
        assertThat(read(sent).path("outcome").asText()).isEqualTo("SENT");
        String msgId = read(sent).path("msgId").asText();
        assertThat(msgId).startsWith("msg");
        // asked again under the same key (the caller retried): the same task, WeCom asked once
        assertThat(read(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(message, Http.internal(tenant)), String.class))
                .path("msgId").asText()).isEqualTo(msgId);
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/add_msg_template"))
                .withRequestBody(matchingJsonPath("$.sender", equalTo("lisi"))).withRequestBody(matchingJsonPath("$.external_userid[0]", equalTo("wmB~u2")))
                .withRequestBody(matchingJsonPath("$.text.content", equalTo("周末焕新，送你满100减20"))));
        // a member with no guide; another tenant (no corp); WeCom refusing the customer
        assertThat(read(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(Map.of("memberId", 4999, "text", "x", "key",
                "k-4999"), Http.internal(tenant)), String.class)).path("outcome").asText()).isEqualTo("NO_GUIDE");
        assertThat(read(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(Map.of("memberId", 4002, "text", "x", "key",
                "k-other"), Http.internal(tenant + 1)), String.class)).path("outcome").asText()).isEqualTo("NOT_CONFIGURED");
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/add_msg_template")).atPriority(1)
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"fail_list\":[\"wmB~u2\"],\"msgid\":\"msgX\"}")));
        JsonNode refused = read(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(Map.of("memberId", 4002, "text", "x",
                "key", "k-refused"), Http.internal(tenant)), String.class));
        assertThat(refused.path("outcome").asText()).isEqualTo("REJECTED");
        // the shopper deletes the guide: no contact to reach them by
        assertThat(deliver(event("del_follow_user", "lisi", "wmB~u2", ""), crypt()).getBody()).isEqualTo("success");
        assertThat(read(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(Map.of("memberId", 4002, "text", "x", "key",
                "k-lost"), Http.internal(tenant)), String.class)).path("outcome").asText()).isEqualTo("NO_CONTACT");
        assertThat(http.exchange("/internal/guide/wecom/messages", HttpMethod.POST, new HttpEntity<>(Map.of("memberId", 4002, "text", "", "key",
                "bad key!"), Http.internal(tenant)), String.class).getStatusCode().value()).isEqualTo(400);
    }

    private String taskStatus(long id) {
        return jdbc.queryForObject("select status from guide_task where tenant_id = ? and id = ?", String.class, tenant, id);
    }

    private String change(String chatId, int createTime) {
        return "<xml><ToUserName>" + corpId + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>" + createTime + "</CreateTime>"
                + "<MsgType>event</MsgType><Event>change_external_chat</Event><ChatId>" + chatId + "</ChatId><ChangeType>update</ChangeType>"
                + "<UpdateDetail>add_member</UpdateDetail><MemChangeCnt>1</MemChangeCnt></xml>";
    }

    private void stubGroup(String chatId, String owner, long now, String... shoppers) {
        stubGroupJoinedAt(chatId, owner, now, now - 3600, shoppers);
    }

    /** The group as WeCom's groupchat/get answers it: the owner, and the shoppers joined at {@code joinedAt} (epoch seconds). */
    private void stubGroupJoinedAt(String chatId, String owner, long now, long joinedAt, String... shoppers) {
        StringBuilder members = new StringBuilder("{\"userid\":\"" + owner + "\",\"type\":1,\"join_time\":" + (now - 7200) + ",\"join_scene\":1}");
        for (String shopper : shoppers) {
            members.append(",{\"userid\":\"").append(shopper).append("\",\"type\":2,\"join_time\":").append(joinedAt)
                    .append(",\"join_scene\":3").append(shopper.equals("wmG1") ? ",\"unionid\":\"u-g1\"" : "").append("}");
        }
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/groupchat/get")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.chat_id", equalTo(chatId)))
                .willReturn(okJson("{\"errcode\":0,\"group_chat\":{\"chat_id\":\"" + chatId + "\",\"name\":\"Group " + chatId + "\",\"owner\":\""
                        + owner + "\",\"create_time\":" + (now - 86_400) + ",\"member_list\":[" + members + "]}}")));
    }

    private JsonNode transfersOf(long handover) {
        ResponseEntity<String> response = http.exchange("/admin/v1/guide/handovers/" + handover + "/wecom-transfers", HttpMethod.GET,
                new HttpEntity<>(admin), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        return read(response);
    }

    private static JsonNode customer(JsonNode transfers, String externalUserId) {
        for (JsonNode c : transfers.path("customers")) {
            if (c.path("externalUserId").asText().equals(externalUserId)) {
                return c;
            }
        }
        throw new AssertionError(externalUserId + " not in " + transfers);
    }

    private static String status(JsonNode transfers, String externalUserId) {
        return customer(transfers, externalUserId).path("status").asText();
    }

    private void awaitDone(long id) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!read(http.exchange("/admin/v1/guide/handovers/" + id, HttpMethod.GET, new HttpEntity<>(admin), String.class))
                .path("status").asText().equals("DONE")) {
            assertThat(System.currentTimeMillis()).as("handover " + id + " done in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private long guide(long staffId, long storeId, String wecomUserId) {
        Map<String, Object> body = Map.of("staffId", staffId, "storeId", storeId, "name", "导购" + staffId,
                "phone", "139" + String.format("%08d", staffId), "wecomUserId", wecomUserId);
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)),
                String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    /** A change_external_contact event as WeCom's plain XML. */
    private String event(String changeType, String userId, String externalUserId, String extra) {
        String created = extra.contains("<CreateTime>") ? "" : "<CreateTime>1</CreateTime>";
        return "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[sys]]></FromUserName>" + created
                + "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[change_external_contact]]></Event><ChangeType><![CDATA[" + changeType
                + "]]></ChangeType><UserID><![CDATA[" + userId + "]]></UserID><ExternalUserID><![CDATA[" + externalUserId + "]]></ExternalUserID>"
                + extra + "</xml>";
    }

    private ResponseEntity<String> deliver(String plainXml, WxCryptUtil crypt) {
        WxCryptUtil.EncryptContext sealed = crypt.encryptContext(plainXml);
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA[" + sealed.getEncrypt()
                + "]]></Encrypt><AgentID><![CDATA[]]></AgentID></xml>";
        return http.exchange(callbackUrl(sealed.getSignature(), sealed.getTimeStamp(), sealed.getNonce()), HttpMethod.POST,
                new HttpEntity<>(body, xml()), String.class);
    }

    private static HttpHeaders xml() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        return headers;
    }

    private String callbackUrl(String signature, String timestamp, String nonce) {
        return callbackUrl(tenant, signature, timestamp, nonce);
    }

    private static String callbackUrl(long tenantId, String signature, String timestamp, String nonce) {
        return "/api/v1/guide/wecom/callbacks/" + tenantId + "?msg_signature=" + signature + "&timestamp=" + timestamp + "&nonce=" + enc(nonce);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private WxCpCryptUtil crypt() {
        return new WxCpCryptUtil(config(TOKEN));
    }

    private WxCpDefaultConfigImpl config(String token) {
        WxCpDefaultConfigImpl config = new WxCpDefaultConfigImpl();
        config.setCorpId(corpId);
        config.setToken(token);
        config.setAesKey(AES_KEY);
        return config;
    }
}
