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

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.touchpoint.follower.domain.Followers;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * The official account's message push against MariaDB: pushes encrypted and signed as WeChat does (WxJava's own
 * crypto), WeChat's user info and member-service as WireMock: a follow finds the member by unionid and opens the
 * 48-hour window, messages move it forward and never back, an unfollow ends it and a late copy of the follow does not
 * undo that, forged or foreign pushes change nothing, a follower member-service did not know is matched later.
 */
@ServiceIT
class OfficialAccountFollowerIT {

    static final WireMockServer wechat = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());
    static final String TOKEN = "siyuMpToken";
    static final String AES_KEY = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg";
    static final String MP_APP_ID = "wxmp0mall";

    static {
        wechat.start();
        memberService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(wechat, memberService).forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("siyu.wechat.api-host", wechat::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("siyu.touchpoint.follower-rematch-interval", () -> "PT1H");
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Followers followers;

    long tenant;
    long member;
    HttpHeaders admin;

    @BeforeEach
    void tenantWithAnOfficialAccount() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        member = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        admin = Http.staff(tenant, 2, "TENANT_ADMIN");
        wechat.resetAll();
        memberService.resetAll();
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token")).willReturn(okJson("{\"access_token\":\"mp-token-" + tenant + "\",\"expires_in\":7200}")));
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/user/info")).willReturn(okJson("{\"subscribe\":1,\"openid\":\"x\"}")));
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/user/info")).atPriority(1).withQueryParam("openid", equalTo("mp-fan-" + member))
                .willReturn(okJson("{\"subscribe\":1,\"openid\":\"mp-fan-" + member + "\",\"unionid\":\"u-fan-" + member + "\"}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/mp-followers")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\"}")));
        memberService.stubFor(post(urlEqualTo("/internal/members/mp-followers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.unionId", equalTo("u-fan-" + member))).willReturn(okJson("{\"id\":" + member + "}")));
        ok(http.exchange("/admin/v1/touchpoint/official-account", HttpMethod.PUT, new HttpEntity<>(Map.of("appId", MP_APP_ID,
                "appSecret", "mp-secret-" + tenant), Http.write(admin)), String.class));
        ResponseEntity<String> push = http.exchange("/admin/v1/touchpoint/official-account/push", HttpMethod.PUT, new HttpEntity<>(Map.of("token", TOKEN,
                "encodingAesKey", AES_KEY), Http.write(admin)), String.class);
        assertThat(ok(push)).contains("/api/v1/touchpoint/wechat/messages/" + tenant + "/official-account").doesNotContain(AES_KEY);
    }

    @Test
    void aFollowFindsTheMemberOpensTheWindowAndLaterPushesOnlyMoveItForward() throws Exception {
        String ts = Long.toString(Instant.now().getEpochSecond());
        String url = "/api/v1/touchpoint/wechat/messages/" + tenant + "/official-account";
        assertThat(http.getForEntity(url + "?signature=" + SHA1.gen(TOKEN, ts, "n1") + "&timestamp=" + ts + "&nonce=n1&echostr=e42", String.class)
                .getBody()).isEqualTo("e42");
        assertThat(http.getForEntity(url + "?signature=" + SHA1.gen("other", ts, "n1") + "&timestamp=" + ts + "&nonce=n1&echostr=e42", String.class)
                .getStatusCode().value()).isEqualTo(401);

        String fan = "mp-fan-" + member;
        long followedAt = Instant.now().getEpochSecond() - 3_600;
        assertThat(push(event(fan, "subscribe", followedAt)).getBody()).isEqualTo("success");
        assertThat(push(event(fan, "subscribe", followedAt)).getBody()).isEqualTo("success");
        Map<String, Object> row = follower(fan);
        assertThat(row.get("member_id")).isEqualTo(member);
        assertThat(row.get("subscribed")).isEqualTo(true);
        assertThat(lastInteraction(fan)).isEqualTo(followedAt);
        memberService.verify(postRequestedFor(urlEqualTo("/internal/members/mp-followers")).withRequestBody(matchingJsonPath("$.appId", equalTo(MP_APP_ID)))
                .withRequestBody(matchingJsonPath("$.openId", equalTo(fan))).withRequestBody(matchingJsonPath("$.unionId", equalTo("u-fan-" + member))));

        long wroteAt = followedAt + 600;
        push(text(fan, "有停车券吗", wroteAt, 5001));
        // an older push delivered late, and WeChat's own delivery report: neither moves the window
        push(text(fan, "在吗", followedAt + 60, 5000));
        push(event(fan, "TEMPLATESENDJOBFINISH", wroteAt + 300));
        assertThat(lastInteraction(fan)).isEqualTo(wroteAt);
        assertThat(inWindow(fan, Instant.ofEpochSecond(wroteAt).plusSeconds(47 * 3_600))).isTrue();
        assertThat(inWindow(fan, Instant.ofEpochSecond(wroteAt).plusSeconds(48 * 3_600))).isFalse();

        // forged, or encrypted for another account: refused, nothing changes
        assertThat(pushXml(new WxCryptUtil("otherToken", AES_KEY, MP_APP_ID).encrypt(event(fan, "unsubscribe", wroteAt + 10))).getStatusCode().value())
                .isEqualTo(401);
        assertThat(pushXml(new WxCryptUtil(TOKEN, AES_KEY, "wxmp0other").encrypt(event(fan, "unsubscribe", wroteAt + 10))).getStatusCode().value())
                .isEqualTo(401);
        assertThat(follower(fan).get("subscribed")).isEqualTo(true);

        push(event(fan, "unsubscribe", wroteAt + 20));
        // a copy of the first follow arriving after the unfollow does not follow again
        push(event(fan, "subscribe", followedAt));
        assertThat(follower(fan).get("subscribed")).isEqualTo(false);
        assertThat(inWindow(fan, Instant.ofEpochSecond(wroteAt + 30))).isFalse();
        // following again later does
        push(event(fan, "subscribe", wroteAt + 40));
        assertThat(follower(fan).get("subscribed")).isEqualTo(true);

        // another tenant's push URL with this tenant's settings: refused (its own settings are not there)
        assertThat(http.exchange("/api/v1/touchpoint/wechat/messages/" + (tenant + 1) + "/official-account?signature=x&timestamp=1&nonce=n&msg_signature=y",
                HttpMethod.POST, new HttpEntity<>("<xml/>", xml()), String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFollowerMemberServiceDidNotKnowIsMatchedOnceTheyAreAMember() throws Exception {
        String stranger = "mp-stranger-" + member;
        push(event(stranger, "subscribe", Instant.now().getEpochSecond()));
        assertThat(follower(stranger).get("member_id")).isNull();
        // they sign in to the mini-program: member-service now knows their openid
        memberService.stubFor(post(urlEqualTo("/internal/members/mp-followers")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.openId", equalTo(stranger))).willReturn(okJson("{\"id\":" + (member + 7) + "}")));
        followers.rematch(Instant.now());
        assertThat(follower(stranger).get("member_id")).isEqualTo(member + 7);
        assertThat(follower(stranger).get("match_tried_at")).isNotNull();
    }

    @Test
    void thePushSettingsAreTheAdminsAndValidated() {
        ResponseEntity<String> bad = http.exchange("/admin/v1/touchpoint/official-account/push", HttpMethod.PUT, new HttpEntity<>(Map.of("token", TOKEN,
                "encodingAesKey", "short"), Http.write(admin)), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).contains("encodingAesKey");
        assertThat(http.exchange("/admin/v1/touchpoint/official-account/push", HttpMethod.PUT, new HttpEntity<>(Map.of("token", TOKEN,
                "encodingAesKey", AES_KEY), Http.write(Http.staff(tenant, 3, "OPERATOR"))), String.class).getStatusCode().value()).isEqualTo(403);
        String sealed = jdbc.queryForObject("select encoding_aes_key from tp_mp_push where tenant_id = ?", String.class, tenant);
        assertThat(sealed).startsWith("enc:v1:").doesNotContain(AES_KEY);
    }

    private boolean inWindow(String openId, Instant at) {
        return com.siyu.common.context.CallerContext.callAs(com.siyu.common.context.Caller.system(tenant),
                () -> followers.followers(List.of(openId)).get(openId).inWindow(at));
    }

    private long lastInteraction(String openId) {
        return jdbc.queryForObject("select last_interaction_at from tp_mp_follower where tenant_id = ? and open_id = ?", java.sql.Timestamp.class, tenant,
                openId).toInstant().getEpochSecond();
    }

    private Map<String, Object> follower(String openId) {
        return jdbc.queryForMap("select * from tp_mp_follower where tenant_id = ? and open_id = ?", tenant, openId);
    }

    private static String event(String openId, String event, long at) {
        return "<xml><ToUserName><![CDATA[gh_mall]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName><CreateTime>" + at
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[" + event + "]]></Event></xml>";
    }

    private static String text(String openId, String content, long at, long msgId) {
        return "<xml><ToUserName><![CDATA[gh_mall]]></ToUserName><FromUserName><![CDATA[" + openId + "]]></FromUserName><CreateTime>" + at
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId></xml>";
    }

    private ResponseEntity<String> push(String plainXml) {
        ResponseEntity<String> r = pushXml(new WxCryptUtil(TOKEN, AES_KEY, MP_APP_ID).encrypt(plainXml));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return r;
    }

    /** Posts an encrypted push as WeChat does: the URL carries the token's signature and msg_signature, the body the Encrypt part. */
    private ResponseEntity<String> pushXml(String encryptedXml) {
        String timestamp = tag(encryptedXml, "TimeStamp");
        String nonce = tag(encryptedXml, "Nonce");
        String body = "<xml><ToUserName><![CDATA[gh_mall]]></ToUserName><Encrypt><![CDATA[" + tag(encryptedXml, "Encrypt") + "]]></Encrypt></xml>";
        return http.exchange("/api/v1/touchpoint/wechat/messages/" + tenant + "/official-account?signature=" + SHA1.gen(TOKEN, timestamp, nonce)
                + "&timestamp=" + timestamp + "&nonce=" + nonce + "&openid=x&encrypt_type=aes&msg_signature=" + tag(encryptedXml, "MsgSignature"),
                HttpMethod.POST, new HttpEntity<>(body, xml()), String.class);
    }

    private static HttpHeaders xml() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_XML);
        return headers;
    }

    private static String tag(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(?:<!\\[CDATA\\[)?(.*?)(?:]]>)?</" + name + ">", Pattern.DOTALL).matcher(xml);
        if (!m.find()) {
            throw new AssertionError(name + " not in " + xml);
        }
        return m.group(1);
    }

    private static String ok(ResponseEntity<String> r) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return r.getBody();
    }
}
