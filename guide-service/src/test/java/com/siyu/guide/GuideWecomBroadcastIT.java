package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.guide.wecom.domain.WecomGroupMessages;
import com.siyu.guide.wecom.domain.WecomMoments;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WeCom group messages and moments against the real database, WeCom played by WireMock loaded from the local
 * sandbox's definitions (WxJava's cp module makes real HTTP calls to it). The jobs are driven here at chosen instants
 * (their schedules are a day away in tests). Every test's guides have WeCom userids of their own (suffixed with the
 * tenant), so the WeCom calls counted are this test's.
 */
@ServiceIT
class GuideWecomBroadcastIT extends GuideServiceTestBase {

    static final WireMockServer wecom = new WireMockServer(wireMockConfig().dynamicPort().usingFilesUnderDirectory("../deploy/wechat-sandbox"));
    static final String ADD = "/cgi-bin/externalcontact/add_msg_template";
    static final String MOMENT = "/cgi-bin/externalcontact/add_moment_task";

    static {
        wecom.start();
        Runtime.getRuntime().addShutdownHook(new Thread(wecom::stop));
    }

    @DynamicPropertySource
    static void wecomAt(DynamicPropertyRegistry registry) {
        registry.add("siyu.wecom.api-host", wecom::baseUrl);
    }

    @Autowired
    WecomGroupMessages groupMessages;
    @Autowired
    WecomMoments moments;

    long tenant;
    HttpHeaders admin;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        wecom.resetToDefaultMappings();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(okJson("{\"id\":2,\"code\":\"B\",\"name\":\"Store B\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/99")).willReturn(MemberServiceStub.notThisTenants()));
        MemberServiceStub.staffAndCounters(memberService);
        String corpId = "ww" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        ResponseEntity<String> configured = http.exchange("/admin/v1/guide/wecom/corp", HttpMethod.PUT, new HttpEntity<>(Map.of("corpId", corpId,
                "contactSecret", "contact-secret-" + tenant, "callbackToken", "cbToken42", "aesKey", "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
                Http.write(admin)), String.class);
        assertThat(configured.getStatusCode().value()).as(configured.getBody()).isEqualTo(200);
    }

    @Test
    void aGroupMessageIsOneWeComTaskPerGuideSentByThatGuideAndItsResultsAreCounted() {
        String zhang = user("zs");
        String li = user("ls");
        String wang = user("ww");
        guide(11, 1, zhang);
        guide(12, 1, li);
        guide(13, 2, wang);
        guide(14, 1, null);
        Map<String, Object> body = Map.of("text", "周末会员日，全场满100减20", "attachments", List.of(
                Map.of("type", "link", "title", "会员日", "url", "https://mall.example/day", "desc", "只在本周末", "picUrl", "https://mall.example/c.png"),
                Map.of("type", "miniprogram", "title", "领券", "appId", "wx1234567890abcdef", "page", "pages/coupon/index", "picMediaId", "MEDIA_9")));
        HttpHeaders once = Http.write(admin);
        ResponseEntity<String> created = http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST, new HttpEntity<>(body, once), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        JsonNode message = read(created);
        long id = message.path("id").asLong();
        assertThat(created.getHeaders().getLocation()).hasToString("/admin/v1/guide/wecom/group-messages/" + id);
        assertThat(message.path("totals").path("guides").asInt()).isEqualTo(4);
        assertThat(message.path("totals").path("pending").asInt()).isEqualTo(3);
        assertThat(message.path("totals").path("noWecomUser").asInt()).isEqualTo(1);
        // the client retries with the same key: the same message, nothing new
        ResponseEntity<String> again = http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST, new HttpEntity<>(body, once), String.class);
        assertThat(read(again).path("id").asLong()).isEqualTo(id);
        assertThat(count("select count(*) from guide_wecom_group_message where tenant_id = ?")).isEqualTo(1);
        assertThat(tenantCalls()).isZero();

        Instant now = Instant.now();
        groupMessages.dispatch(now);
        for (String sender : List.of(zhang, li, wang)) {
            wecom.verify(1, postRequestedFor(urlPathEqualTo(ADD)).withRequestBody(equalToJson("""
                    {"chat_type":"group","sender":"%s","text":{"content":"周末会员日，全场满100减20"},"attachments":[
                     {"msgtype":"link","link":{"title":"会员日","picurl":"https://mall.example/c.png","desc":"只在本周末","url":"https://mall.example/day"}},
                     {"msgtype":"miniprogram","miniprogram":{"title":"领券","pic_media_id":"MEDIA_9","appid":"wx1234567890abcdef","page":"pages/coupon/index"}}]}
                    """.formatted(sender))));
        }
        assertThat(tenantCalls()).isEqualTo(3);
        // the job runs again, now and an hour later: no line is sent twice
        groupMessages.dispatch(now);
        groupMessages.dispatch(now.plus(Duration.ofHours(1)));
        assertThat(tenantCalls()).isEqualTo(3);

        JsonNode sent = fetch("/admin/v1/guide/wecom/group-messages/" + id, admin);
        assertThat(sent.path("totals").path("created").asInt()).isEqualTo(3);
        JsonNode zhangLine = line(sent, zhang);
        assertThat(zhangLine.path("status").asText()).isEqualTo("CREATED");
        assertThat(zhangLine.path("msgId").asText()).startsWith("grp~" + zhang + "~");
        assertThat(zhangLine.path("attempts").asInt()).isEqualTo(1);
        assertThat(line(sent, null).path("status").asText()).isEqualTo("NO_WECOM_USER");

        // WeCom's results, read by the job half an hour later: zhang sent it (three groups over two pages, one not reached),
        // li has not yet; wang's come from the sandbox (sent, two groups)
        String zhangMsg = zhangLine.path("msgId").asText();
        String liMsg = line(sent, li).path("msgId").asText();
        StubMapping liUnsent = wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/get_groupmsg_task")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.msgid", equalTo(liMsg)))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"next_cursor\":\"\",\"task_list\":[{\"userid\":\"" + li + "\",\"status\":0}]}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/get_groupmsg_send_result")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.msgid", equalTo(zhangMsg))).withRequestBody(matchingJsonPath("$.cursor", equalTo("p2")))
                .willReturn(okJson("{\"errcode\":0,\"next_cursor\":\"\",\"send_list\":[{\"chat_id\":\"wr3\",\"userid\":\"" + zhang + "\",\"status\":1}]}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/get_groupmsg_send_result")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.msgid", equalTo(zhangMsg)))
                .willReturn(okJson("{\"errcode\":0,\"next_cursor\":\"p2\",\"send_list\":[{\"chat_id\":\"wr1\",\"userid\":\"" + zhang + "\",\"status\":1},"
                        + "{\"chat_id\":\"wr2\",\"userid\":\"" + zhang + "\",\"status\":0}]}")));
        groupMessages.readResults(now.plus(Duration.ofMinutes(31)));
        JsonNode counted = fetch("/admin/v1/guide/wecom/group-messages/" + id, admin);
        assertThat(line(counted, zhang).path("wecomStatus").asText()).isEqualTo("SENT");
        assertThat(line(counted, zhang).path("groupsReached").asInt()).isEqualTo(2);
        assertThat(line(counted, zhang).path("groupsUnsent").asInt()).isEqualTo(1);
        assertThat(line(counted, li).path("wecomStatus").asText()).isEqualTo("UNSENT");
        assertThat(line(counted, wang).path("groupsReached").asInt()).isEqualTo(2);
        assertThat(counted.path("totals").path("guidesSent").asInt()).isEqualTo(2);
        assertThat(counted.path("totals").path("guidesUnsent").asInt()).isEqualTo(1);
        assertThat(counted.path("totals").path("groupsReached").asInt()).isEqualTo(4);
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/get_groupmsg_send_result"))
                .withRequestBody(equalToJson("{\"msgid\":\"" + zhangMsg + "\",\"userid\":\"" + zhang + "\",\"limit\":1000,\"cursor\":\"p2\"}")));

        // li still has it waiting in their WeCom client; zhang has nothing waiting
        JsonNode liTasks = fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 12, "GUIDE"));
        assertThat(liTasks).hasSize(1);
        assertThat(liTasks.get(0).path("kind").asText()).isEqualTo("GROUP_MESSAGE");
        assertThat(liTasks.get(0).path("id").asLong()).isEqualTo(id);
        assertThat(fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 11, "GUIDE"))).isEmpty();

        // the operator refreshes after li sent it: read now, whatever the job's schedule
        wecom.removeStub(liUnsent);
        ResponseEntity<String> refreshed = http.exchange("/admin/v1/guide/wecom/group-messages/" + id + "/refresh", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(admin)), String.class);
        assertThat(refreshed.getStatusCode().value()).as(refreshed.getBody()).isEqualTo(200);
        assertThat(read(refreshed).path("totals").path("guidesSent").asInt()).isEqualTo(3);
        assertThat(read(refreshed).path("totals").path("groupsReached").asInt()).isEqualTo(6);
        assertThat(fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 12, "GUIDE"))).isEmpty();
    }

    @Test
    void aBusyWecomIsTriedAgainLaterAndMadeOnceARefusalIsFailedAndALostAnswerIsNeverRepeated() {
        String busy = user("busy");
        String refused = user("nope");
        String lost = user("lost");
        guide(21, 1, busy);
        guide(22, 1, refused);
        guide(23, 1, lost);
        StubMapping busyStub = wecom.stubFor(post(urlPathEqualTo(ADD)).atPriority(1).withRequestBody(matchingJsonPath("$.sender", equalTo(busy)))
                .willReturn(okJson("{\"errcode\":-1,\"errmsg\":\"system busy\"}")));
        wecom.stubFor(post(urlPathEqualTo(ADD)).atPriority(1).withRequestBody(matchingJsonPath("$.sender", equalTo(refused)))
                .willReturn(okJson("{\"errcode\":41048,\"errmsg\":\"no customer to send to\"}")));
        wecom.stubFor(post(urlPathEqualTo(ADD)).atPriority(1).withRequestBody(matchingJsonPath("$.sender", equalTo(lost)))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        long id = read(create("/admin/v1/guide/wecom/group-messages", Map.of("text", "新品到店"), admin)).path("id").asLong();

        Instant now = Instant.now();
        groupMessages.dispatch(now);
        JsonNode first = fetch("/admin/v1/guide/wecom/group-messages/" + id, admin);
        assertThat(line(first, busy).path("status").asText()).isEqualTo("PENDING");
        assertThat(line(first, busy).path("errcode").asInt()).isEqualTo(-1);
        assertThat(line(first, busy).path("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(line(first, busy).path("nextAttemptAt").asText())).isAfter(now.plusSeconds(50));
        assertThat(line(first, refused).path("status").asText()).isEqualTo("FAILED");
        assertThat(line(first, refused).path("errcode").asInt()).isEqualTo(41048);
        assertThat(line(first, lost).path("status").asText()).isEqualTo("UNKNOWN");
        int busyCalls = calls(busy);
        assertThat(busyCalls).as("WxJava's own two quick retries of -1").isEqualTo(3);

        // not due yet: nothing; WeCom recovers and the backoff has passed: made, once
        groupMessages.dispatch(now.plusSeconds(30));
        assertThat(calls(busy)).isEqualTo(busyCalls);
        wecom.removeStub(busyStub);
        groupMessages.dispatch(now.plus(Duration.ofMinutes(2)));
        groupMessages.dispatch(now.plus(Duration.ofHours(5)));
        assertThat(calls(busy)).isEqualTo(busyCalls + 1);
        JsonNode done = fetch("/admin/v1/guide/wecom/group-messages/" + id, admin);
        assertThat(line(done, busy).path("status").asText()).isEqualTo("CREATED");
        assertThat(line(done, busy).path("attempts").asInt()).isEqualTo(2);
        assertThat(line(done, busy).path("msgId").asText()).startsWith("grp~" + busy);
        // the refusal and the lost answer were asked once and stay as they are
        assertThat(calls(refused)).isEqualTo(1);
        assertThat(calls(lost)).isEqualTo(1);
        assertThat(done.path("totals").path("failed").asInt()).isEqualTo(1);
        assertThat(done.path("totals").path("unknown").asInt()).isEqualTo(1);
    }

    @Test
    void theSameCreateAtOnceAndTheJobOnSeveralThreadsMakeOneWeComTaskPerGuide() throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            users.add(user("c" + i));
            guide(31 + i, 1, users.get(i));
        }
        // WeCom answers slowly, so the job's threads overlap
        wecom.stubFor(post(urlPathEqualTo(ADD)).atPriority(1).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"fail_list\":[],\"msgid\":\"m-slow\"}")
                .withFixedDelay(150)));
        HttpHeaders sameKey = Http.write(admin);
        Map<String, Object> body = Map.of("text", "今晚八点直播");
        List<Integer> statuses = inParallel(6, () -> http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST,
                new HttpEntity<>(body, sameKey), String.class).getStatusCode().value());
        assertThat(statuses).contains(201).allMatch(s -> s == 201 || s == 409);
        assertThat(count("select count(*) from guide_wecom_group_message where tenant_id = ?")).isEqualTo(1);
        assertThat(count("select count(*) from guide_wecom_group_message_line where tenant_id = ?")).isEqualTo(5);

        Instant now = Instant.now();
        inParallel(4, () -> groupMessages.dispatch(now));
        for (String user : users) {
            assertThat(calls(user)).as(user).isEqualTo(1);
        }
        assertThat(count("select count(*) from guide_wecom_group_message_line where tenant_id = ? and status = 'CREATED'")).isEqualTo(5);

        // a moment submitted by two threads at once is one WeCom task
        long moment = read(create("/admin/v1/guide/wecom/moments", Map.of("text", "新品上架"), admin)).path("id").asLong();
        wecom.stubFor(post(urlPathEqualTo(MOMENT)).atPriority(1).willReturn(okJson("{\"errcode\":0,\"jobid\":\"job-" + tenant + "\"}").withFixedDelay(150)));
        Instant later = Instant.now();
        inParallel(3, () -> moments.drive(later));
        wecom.verify(1, momentTasks());
        assertThat(jdbc.queryForObject("select job_id from guide_wecom_moment where tenant_id = ? and id = ?", String.class, tenant, moment))
                .isEqualTo("job-" + tenant);
    }

    @Test
    void aManagerSendsThroughTheirStoresGuidesOnlyAndNobodyElseSeesWhatIsNotTheirs() {
        String a1 = user("a1");
        String b1 = user("b1");
        guide(41, 1, a1);
        guide(42, 2, b1);
        HttpHeaders managerA = Http.staffAt(tenant, 2, 1, "MANAGER");
        HttpHeaders managerB = Http.staffAt(tenant, 3, 2, "MANAGER");

        ResponseEntity<String> otherStore = http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST,
                new HttpEntity<>(Map.of("text", "x", "storeIds", List.of(2)), Http.write(managerA)), String.class);
        assertThat(otherStore.getStatusCode().value()).isEqualTo(403);
        assertThat(read(otherStore).path("errors").get(0).path("field").asText()).isEqualTo("storeIds[0]");
        JsonNode own = read(create("/admin/v1/guide/wecom/group-messages", Map.of("text", "A 店专属"), managerA));
        assertThat(own.path("storeIds").toString()).isEqualTo("[1]");
        assertThat(own.path("lines")).hasSize(1);
        assertThat(own.path("lines").get(0).path("senderUserId").asText()).isEqualTo(a1);
        JsonNode all = read(create("/admin/v1/guide/wecom/group-messages", Map.of("text", "全场"), admin));
        assertThat(all.path("lines")).hasSize(2);

        // store B's manager: the tenant-wide message with their guide's line only; store A's message is not there
        JsonNode listB = fetch("/admin/v1/guide/wecom/group-messages", managerB);
        assertThat(listB).hasSize(1);
        assertThat(listB.get(0).path("id").asLong()).isEqualTo(all.path("id").asLong());
        assertThat(listB.get(0).path("totals").path("guides").asInt()).isEqualTo(1);
        JsonNode allForB = fetch("/admin/v1/guide/wecom/group-messages/" + all.path("id").asLong(), managerB);
        assertThat(allForB.path("lines")).hasSize(1);
        assertThat(allForB.path("lines").get(0).path("senderUserId").asText()).isEqualTo(b1);
        assertThat(status("/admin/v1/guide/wecom/group-messages/" + own.path("id").asLong(), managerB)).isEqualTo(404);
        // newest first, keyset paged
        JsonNode page1 = fetch("/admin/v1/guide/wecom/group-messages?limit=1", admin);
        assertThat(page1.get(0).path("id").asLong()).isEqualTo(all.path("id").asLong());
        JsonNode page2 = fetch("/admin/v1/guide/wecom/group-messages?limit=1&before=" + all.path("id").asLong(), admin);
        assertThat(page2.get(0).path("id").asLong()).isEqualTo(own.path("id").asLong());

        // another tenant sees nothing and reaches nothing
        HttpHeaders stranger = Http.staff(tenant + 1, 1, "TENANT_ADMIN");
        assertThat(fetch("/admin/v1/guide/wecom/group-messages", stranger)).isEmpty();
        assertThat(status("/admin/v1/guide/wecom/group-messages/" + all.path("id").asLong(), stranger)).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/guide/wecom/group-messages/" + all.path("id").asLong() + "/refresh", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(stranger)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(fetch("/admin/v1/guide/wecom/moments", stranger)).isEmpty();

        // a guide sends nothing; bad input is a problem naming the field, and nothing is made
        assertThat(http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST, new HttpEntity<>(Map.of("text", "x"),
                Http.write(Http.staff(tenant, 41, "GUIDE"))), String.class).getStatusCode().value()).isEqualTo(403);
        assertProblem(Map.of("text", " "), 400, "text");
        assertProblem(Map.of("text", "x".repeat(1501)), 400, "text");
        assertProblem(Map.of("text", "x", "attachments", List.of(Map.of("type", "link", "title", "t", "url", "http://mall.example"))), 400,
                "attachments[0].url");
        assertProblem(Map.of("text", "x", "attachments", List.of(Map.of("type", "miniprogram", "title", "t", "appId", "gh_abc", "page", "p",
                "picMediaId", "M"))), 400, "attachments[0].appId");
        assertProblem(Map.of("text", "x", "attachments", List.of(Map.of("type", "image", "url", "https://img.example/a.png"))), 422,
                "attachments[0].type");
        assertProblem(Map.of("text", "x", "storeIds", List.of(99)), 422, "storeIds[0]");
        assertThat(count("select count(*) from guide_wecom_group_message where tenant_id = ?")).isEqualTo(2);
    }

    @Test
    void aMomentIsOneWeComTaskOverTheChosenGuidesItsJobPolledToAMomentIdAndWhoPublishedRead() {
        String a = user("ma");
        String b = user("mb");
        long ga = guide(51, 1, a);
        long gb = guide(52, 1, b);
        long gc = guide(53, 2, null);
        guide(54, 1, user("mc"));
        Map<String, Object> body = Map.of("text", "秋装上新，来店试穿", "guideIds", List.of(ga, gb, gc),
                "attachments", List.of(Map.of("type", "link", "title", "秋装", "url", "https://mall.example/autumn")));
        HttpHeaders once = Http.write(admin);
        ResponseEntity<String> created = http.exchange("/admin/v1/guide/wecom/moments", HttpMethod.POST, new HttpEntity<>(body, once), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        long id = read(created).path("id").asLong();
        assertThat(read(created).path("status").asText()).isEqualTo("PENDING");
        assertThat(read(created).path("totals").path("noWecomUser").asInt()).isEqualTo(1);
        assertThat(read(http.exchange("/admin/v1/guide/wecom/moments", HttpMethod.POST, new HttpEntity<>(body, once), String.class)).path("id").asLong())
                .isEqualTo(id);

        String jobId = "job-" + tenant;
        wecom.stubFor(post(urlPathEqualTo(MOMENT)).atPriority(1).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"jobid\":\"" + jobId + "\"}")));
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task_result")).atPriority(1).withQueryParam("jobid", equalTo(jobId))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"status\":2,\"type\":\"add_moment_task\"}")));
        Instant now = Instant.now();
        moments.drive(now);
        wecom.verify(1, postRequestedFor(urlPathEqualTo(MOMENT)).withRequestBody(equalToJson("""
                {"text":{"content":"秋装上新，来店试穿"},"attachments":[{"msgtype":"link","link":{"title":"秋装","url":"https://mall.example/autumn"}}],
                 "visible_range":{"sender_list":{"user_list":["%s","%s"]}}}""".formatted(a, b))));
        assertThat(fetch("/admin/v1/guide/wecom/moments/" + id, admin).path("status").asText()).isEqualTo("SUBMITTED");

        // WeCom is still creating it: polled again later
        moments.drive(now.plusSeconds(11));
        wecom.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task_result")).withQueryParam("jobid", equalTo(jobId)));
        assertThat(fetch("/admin/v1/guide/wecom/moments/" + id, admin).path("status").asText()).isEqualTo("SUBMITTED");
        // done: the moment id, b was not a valid sender
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task_result")).atPriority(1).withQueryParam("jobid", equalTo(jobId))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"status\":3,\"type\":\"add_moment_task\",\"result\":{\"errcode\":0,\"errmsg\":\"ok\","
                        + "\"moment_id\":\"mom-" + tenant + "\",\"invalid_sender_list\":{\"user_list\":[\"" + b + "\"]}}}")));
        moments.drive(now.plusSeconds(22));
        JsonNode made = fetch("/admin/v1/guide/wecom/moments/" + id, admin);
        assertThat(made.path("status").asText()).as(made.toString()).isEqualTo("CREATED");
        assertThat(made.path("wecomMomentId").asText()).isEqualTo("mom-" + tenant);
        assertThat(momentLine(made, b).path("status").asText()).isEqualTo("INVALID");
        assertThat(fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 51, "GUIDE")).get(0).path("kind").asText()).isEqualTo("MOMENT");
        assertThat(fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 54, "GUIDE"))).isEmpty();

        // who published, over two pages of get_moment_task
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task")).atPriority(2)
                .withRequestBody(matchingJsonPath("$.moment_id", equalTo("mom-" + tenant)))
                .willReturn(okJson("{\"errcode\":0,\"next_cursor\":\"n2\",\"task_list\":[{\"userid\":\"" + b + "\",\"publish_status\":0}]}")));
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.cursor", equalTo("n2")))
                .willReturn(okJson("{\"errcode\":0,\"next_cursor\":\"\",\"task_list\":[{\"userid\":\"" + a + "\",\"publish_status\":1}]}")));
        moments.drive(now.plusSeconds(33));
        JsonNode read = fetch("/admin/v1/guide/wecom/moments/" + id, admin);
        assertThat(momentLine(read, a).path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(read.path("totals").path("published").asInt()).isEqualTo(1);
        assertThat(read.path("totals").path("invalid").asInt()).isEqualTo(1);
        assertThat(fetch("/admin/v1/guide/wecom/my-tasks", Http.staff(tenant, 51, "GUIDE"))).isEmpty();
        // everyone valid has published: the job does not read it again; WeCom's task was made once
        moments.drive(now.plus(Duration.ofHours(2)));
        wecom.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task"))
                .withRequestBody(matchingJsonPath("$.moment_id", equalTo("mom-" + tenant))));
        wecom.verify(1, momentTasks());

        // what moments do not take
        ResponseEntity<String> card = http.exchange("/admin/v1/guide/wecom/moments", HttpMethod.POST, new HttpEntity<>(Map.of("text", "x",
                "attachments", List.of(Map.of("type", "miniprogram", "title", "t", "appId", "wx12345678", "page", "p", "picMediaId", "M"))),
                Http.write(admin)), String.class);
        assertThat(card.getStatusCode().value()).isEqualTo(422);
        assertThat(read(card).path("code").asText()).isEqualTo("MOMENT_ATTACHMENT_UNSUPPORTED");
        ResponseEntity<String> image = http.exchange("/admin/v1/guide/wecom/moments", HttpMethod.POST, new HttpEntity<>(Map.of("text", "x",
                "attachments", List.of(Map.of("type", "image"))), Http.write(admin)), String.class);
        assertThat(read(image).path("code").asText()).isEqualTo("ATTACHMENT_NEEDS_MEDIA_UPLOAD");
        ResponseEntity<String> stranger = http.exchange("/admin/v1/guide/wecom/moments", HttpMethod.POST, new HttpEntity<>(Map.of("text", "x",
                "guideIds", List.of(ga)), Http.write(Http.staff(tenant + 1, 1, "TENANT_ADMIN"))), String.class);
        assertThat(stranger.getStatusCode().value()).as(stranger.getBody()).isEqualTo(404);
        assertThat(read(stranger).path("code").asText()).isEqualTo("WECOM_NOT_CONFIGURED");
        assertThat(status("/admin/v1/guide/wecom/moments/" + id, Http.staff(tenant + 1, 1, "TENANT_ADMIN"))).isEqualTo(404);
        assertThat(status("/admin/v1/guide/wecom/moments/" + id, Http.staffAt(tenant, 3, 2, "MANAGER"))).isEqualTo(200);
        assertThat(fetch("/admin/v1/guide/wecom/moments/" + id, Http.staffAt(tenant, 3, 2, "MANAGER")).path("lines")).hasSize(1);
    }

    @Test
    void aMomentWeComRefusesIsFailedAndAJobThatEndsInAnErrorToo() {
        String a = user("fa");
        guide(61, 1, a);
        wecom.stubFor(post(urlPathEqualTo(MOMENT)).atPriority(1).willReturn(okJson("{\"errcode\":41058,\"errmsg\":\"invalid attachments\"}")));
        long refused = read(create("/admin/v1/guide/wecom/moments", Map.of("text", "x"), admin)).path("id").asLong();
        Instant now = Instant.now();
        moments.drive(now);
        JsonNode failed = fetch("/admin/v1/guide/wecom/moments/" + refused, admin);
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("errcode").asInt()).isEqualTo(41058);
        moments.drive(now.plus(Duration.ofHours(1)));
        wecom.verify(1, momentTasks());

        wecom.stubFor(post(urlPathEqualTo(MOMENT)).atPriority(1).willReturn(okJson("{\"errcode\":0,\"jobid\":\"jobE-" + tenant + "\"}")));
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/externalcontact/get_moment_task_result")).atPriority(1).withQueryParam("jobid", containing("jobE-"))
                .willReturn(okJson("{\"errcode\":0,\"status\":3,\"result\":{\"errcode\":41059,\"errmsg\":\"no valid sender\"}}")));
        long ended = read(create("/admin/v1/guide/wecom/moments", Map.of("text", "y"), admin)).path("id").asLong();
        moments.drive(Instant.now());
        ResponseEntity<String> refreshed = http.exchange("/admin/v1/guide/wecom/moments/" + ended + "/refresh", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(admin)), String.class);
        assertThat(refreshed.getStatusCode().value()).as(refreshed.getBody()).isEqualTo(200);
        assertThat(read(refreshed).path("status").asText()).isEqualTo("FAILED");
        assertThat(read(refreshed).path("errcode").asInt()).isEqualTo(41059);
    }

    private void assertProblem(Map<String, Object> body, int status, String field) {
        ResponseEntity<String> r = http.exchange("/admin/v1/guide/wecom/group-messages", HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)),
                String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        JsonNode problem = read(r);
        assertThat(r.getHeaders().getContentType()).hasToString("application/problem+json");
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).as(problem.toString()).contains(field);
    }

    private <T> List<T> inParallel(int threads, Callable<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return work.call();
            }));
        }
        go.countDown();
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        return results;
    }

    /** add_msg_template calls from this test's guides. */
    private int tenantCalls() {
        return wecom.findAll(postRequestedFor(urlPathEqualTo(ADD)).withRequestBody(matchingJsonPath("$.sender", matching(".*-" + tenant)))).size();
    }

    /** add_moment_task calls for this test's guides. */
    private RequestPatternBuilder momentTasks() {
        return postRequestedFor(urlPathEqualTo(MOMENT)).withRequestBody(containing("-" + tenant + "\""));
    }

    private int calls(String sender) {
        RequestPatternBuilder pattern = postRequestedFor(urlPathEqualTo(ADD)).withRequestBody(matchingJsonPath("$.sender", equalTo(sender)));
        return wecom.findAll(pattern).size();
    }

    private String user(String prefix) {
        return prefix + "-" + tenant;
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class, tenant);
    }

    private ResponseEntity<String> create(String path, Map<String, Object> body, HttpHeaders who) {
        ResponseEntity<String> created = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(who)), String.class);
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return created;
    }

    private JsonNode fetch(String path, HttpHeaders who) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(who), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response);
    }

    private int status(String path, HttpHeaders who) {
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(who), String.class).getStatusCode().value();
    }

    private static JsonNode line(JsonNode message, String sender) {
        for (JsonNode l : message.path("lines")) {
            if (sender == null ? l.path("senderUserId").isNull() || l.path("senderUserId").isMissingNode() : sender.equals(l.path("senderUserId").asText())) {
                return l;
            }
        }
        throw new AssertionError(sender + " not in " + message);
    }

    private static JsonNode momentLine(JsonNode moment, String userId) {
        for (JsonNode l : moment.path("lines")) {
            if (userId.equals(l.path("userId").asText())) {
                return l;
            }
        }
        throw new AssertionError(userId + " not in " + moment);
    }

    private long guide(long staffId, long storeId, String wecomUserId) {
        Map<String, Object> body = new HashMap<>(Map.of("staffId", staffId, "storeId", storeId, "name", "导购" + staffId,
                "phone", "139" + String.format("%08d", staffId)));
        if (wecomUserId != null) {
            body.put("wecomUserId", wecomUserId);
        }
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)),
                String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }
}
