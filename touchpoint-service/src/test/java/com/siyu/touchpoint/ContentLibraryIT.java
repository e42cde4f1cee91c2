package com.siyu.touchpoint;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
 * The content library against MariaDB, member-service and guide-service as WireMock: materials and scripts checked on
 * save, edited against the version read, archived only when no active script attaches them (also when both happen at
 * once), a script filled in for a member (a guide's own members only), a campaign's WeCom message taken from a
 * script, and another tenant seeing nothing.
 */
@ServiceIT
class ContentLibraryIT {

    static final WireMockServer memberService = new WireMockServer(wireMockConfig().dynamicPort());
    static final WireMockServer guideService = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        memberService.start();
        guideService.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> List.of(memberService, guideService).forEach(WireMockServer::stop)));
    }

    @DynamicPropertySource
    static void stubs(DynamicPropertyRegistry registry) {
        registry.add("spring.cloud.discovery.client.simple.instances.member-service[0].uri", memberService::baseUrl);
        registry.add("spring.cloud.discovery.client.simple.instances.guide-service[0].uri", guideService::baseUrl);
    }

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    long tenant;
    long member;
    HttpHeaders admin;

    @BeforeEach
    void tenantWithAMemberAndTheirGuide() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        member = ThreadLocalRandom.current().nextLong(1_000, 1_000_000);
        admin = Http.staff(tenant, 2, "TENANT_ADMIN");
        memberService.resetAll();
        guideService.resetAll();
        memberService.stubFor(post(urlEqualTo("/internal/members/contacts")).willReturn(okJson("[]")));
        memberService.stubFor(post(urlEqualTo("/internal/members/contacts")).atPriority(1).withRequestBody(matchingJsonPath("$.ids[0]",
                equalTo(Long.toString(member)))).willReturn(okJson("[{\"id\":" + member + ",\"nickname\":\"小爱\",\"storeId\":101}]")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/102")).willReturn(okJson("{\"id\":102,\"name\":\"二店\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/segments/.*/members")).willReturn(okJson("{\"memberIds\":[],\"next\":-1}")));
        guideService.stubFor(get(urlEqualTo("/internal/guide/members/" + member + "/guide")).willReturn(okJson("{\"memberId\":" + member
                + ",\"guideId\":3,\"guideName\":\"小王\",\"storeId\":102,\"staffId\":7}")));
    }

    @Test
    void materialsAndScriptsAreCheckedOnSaveEditedAgainstTheVersionReadAndArchivedOnlyWhenUnused() throws Exception {
        JsonNode text = created(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "TEXT", "title", "欢迎语",
                "body", "{name}您好，我是{guide}")));
        assertThat(text.path("version").asInt()).isEqualTo(1);
        JsonNode card = created(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "MINI_PROGRAM", "title", "周末活动卡片",
                "body", "{store}周末活动", "page", "pages/activity/index?id=3", "thumbUrl", "https://cdn.mall.example/a.jpg")));
        ok(call(HttpMethod.POST, "/admin/v1/touchpoint/sensitive-words", Map.of("words", List.of("稳赚"))));

        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "IMAGE", "title", "海报", "url", "http://cdn.mall.example/p.jpg")),
                400, "url must be an https URL");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "TEXT", "title", "x", "body", "hi", "url", "https://a.example")),
                400, "url is not taken by a TEXT material");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "TEXT", "title", "y", "body", "{coupon}送您")), 400, "{coupon}");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "TEXT", "title", "z", "body", "理财稳赚")), 400, "稳赚");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "MINI_PROGRAM", "title", "w", "body", "b",
                "page", "https://evil.example")), 400, "page");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "TEXT", "title", "欢迎语", "body", "again")), 409,
                "CONTENT_TITLE_TAKEN");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "VIDEO", "title", "v")), 400, "kind");
        problem(http.exchange("/admin/v1/touchpoint/materials", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "TEXT", "title", "g", "body", "b"),
                Http.write(Http.staff(tenant, 7, "GUIDE"))), String.class), 403, "ROLE_REQUIRED");

        long otherTenantsMaterial = created(http.exchange("/admin/v1/touchpoint/materials", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "TEXT",
                "title", "他家的", "body", "b"), Http.write(Http.staff(tenant + 1, 2, "TENANT_ADMIN"))), String.class)).path("id").asLong();
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "WELCOME", "title", "借用", "text", "t",
                "materialIds", List.of(otherTenantsMaterial))), 400, "materialIds[0]");
        problem(call(HttpMethod.GET, "/admin/v1/touchpoint/materials/" + otherTenantsMaterial, null), 404, "Material");

        JsonNode script = created(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "WELCOME", "title", "新客欢迎",
                "text", "{name}，欢迎光临{store}", "materialIds", List.of(card.path("id").asLong(), text.path("id").asLong()))));
        assertThat(script.path("materialIds").toString()).isEqualTo("[" + card.path("id").asLong() + "," + text.path("id").asLong() + "]");

        // an edit names the version it read; a second edit from the same read loses
        String path = "/admin/v1/touchpoint/materials/" + text.path("id").asLong();
        Map<String, Object> edit = Map.of("version", 1, "material", Map.of("kind", "TEXT", "title", "欢迎语", "body", "{name}好，我是您的导购{guide}"));
        assertThat(json.readTree(ok(call(HttpMethod.PUT, path, edit))).path("version").asInt()).isEqualTo(2);
        problem(call(HttpMethod.PUT, path, edit), 409, "CONTENT_VERSION_CHANGED");
        problem(call(HttpMethod.PUT, path, Map.of("version", 2, "material", Map.of("kind", "LINK", "title", "欢迎语", "url", "https://a.example"))),
                400, "kind");

        // attached to an active script: kept; once the script is archived it can go
        String cardPath = "/admin/v1/touchpoint/materials/" + card.path("id").asLong();
        problem(call(HttpMethod.DELETE, cardPath, null), 409, "MATERIAL_IN_USE");
        assertThat(json.readTree(ok(call(HttpMethod.DELETE, "/admin/v1/touchpoint/scripts/" + script.path("id").asLong(), null))).path("status").asText())
                .isEqualTo("ARCHIVED");
        assertThat(json.readTree(ok(call(HttpMethod.DELETE, cardPath, null))).path("status").asText()).isEqualTo("ARCHIVED");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "WELCOME", "title", "旧卡片", "text", "t",
                "materialIds", List.of(card.path("id").asLong()))), 400, "materialIds[0]");

        created(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "AFTER_SALE", "title", "退换货_说明", "text", "7天内可退换")));
        assertThat(json.readTree(ok(call(HttpMethod.GET, "/admin/v1/touchpoint/scripts?q=" + "退换货_", null))).findValuesAsText("title"))
                .containsExactly("退换货_说明");
        // the search is literal: % and _ match only themselves
        assertThat(json.readTree(ok(call(HttpMethod.GET, "/admin/v1/touchpoint/scripts?q=%25", null)))).isEmpty();
        assertThat(json.readTree(ok(call(HttpMethod.GET, "/admin/v1/touchpoint/scripts?status=ACTIVE&scene=AFTER_SALE", null)))).hasSize(1);
        assertThat(json.readTree(ok(http.exchange("/admin/v1/touchpoint/scripts", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 2, "TENANT_ADMIN")),
                String.class)))).isEmpty();
    }

    @Test
    void aMaterialArchivedWhileScriptsAttachItIsNeverLeftAttachedToAnActiveScript() throws Exception {
        long card = created(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "LINK", "title", "会员权益",
                "url", "https://mall.example/rights"))).path("id").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            int n = i;
            calls.add(() -> call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "PROMOTION", "title", "权益" + n, "text", "看看权益",
                    "materialIds", List.of(card))).getStatusCode().value());
        }
        calls.add(() -> call(HttpMethod.DELETE, "/admin/v1/touchpoint/materials/" + card, null).getStatusCode().value());
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).allMatch(s -> s == 200 || s == 201 || s == 400 || s == 409);
        String status = jdbc.queryForObject("select status from tp_material where id = ?", String.class, card);
        int attachedActive = jdbc.queryForObject("select count(*) from tp_script where tenant_id = ? and status = 'ACTIVE' and material_ids = ?",
                Integer.class, tenant, Long.toString(card));
        assertThat(status.equals("ARCHIVED") && attachedActive > 0).as(status + " with " + attachedActive + " scripts: " + statuses).isFalse();
        assertThat(attachedActive).isEqualTo((int) statuses.subList(0, 8).stream().filter(s -> s == 201).count());
    }

    @Test
    void aScriptIsFilledInForAMemberAndAGuideFillsItOnlyForTheirOwn() throws Exception {
        long card = created(call(HttpMethod.POST, "/admin/v1/touchpoint/materials", Map.of("kind", "MINI_PROGRAM", "title", "到店礼",
                "body", "{name}的到店礼在{store}", "page", "pages/gift/index"))).path("id").asLong();
        long script = created(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "WELCOME", "title", "加微欢迎",
                "text", "{name}您好，我是{store}的{guide}", "materialIds", List.of(card)))).path("id").asLong();
        String rendered = "/admin/v1/touchpoint/scripts/" + script + "/rendered?memberId=" + member;
        JsonNode filled = json.readTree(ok(call(HttpMethod.GET, rendered, null)));
        assertThat(filled.path("text").asText()).isEqualTo("小爱您好，我是二店的小王");
        assertThat(filled.path("materials").get(0).path("body").asText()).isEqualTo("小爱的到店礼在二店");
        assertThat(filled.path("materials").get(0).path("page").asText()).isEqualTo("pages/gift/index");

        assertThat(http.exchange(rendered, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 7, "GUIDE")), String.class).getStatusCode().value())
                .isEqualTo(200);
        problem(http.exchange(rendered, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 8, "GUIDE")), String.class), 404, "Member");
        problem(call(HttpMethod.GET, "/admin/v1/touchpoint/scripts/" + script + "/rendered?memberId=" + (member + 1), null), 404, "Member");
        // a member without a guide: {guide} empty, {store} the home store
        guideService.stubFor(get(urlEqualTo("/internal/guide/members/" + member + "/guide")).atPriority(1).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"GUIDE_NOT_BOUND\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/101")).willReturn(okJson("{\"id\":101,\"name\":\"一店\"}")));
        assertThat(json.readTree(ok(call(HttpMethod.GET, rendered, null))).path("text").asText()).isEqualTo("小爱您好，我是一店的");

        // a campaign's WeCom message from a script: only the variables campaigns fill
        long campaignScript = created(call(HttpMethod.POST, "/admin/v1/touchpoint/scripts", Map.of("scene", "PROMOTION", "title", "周末会员日",
                "text", "{name}，周末会员日见"))).path("id").asLong();
        Map<String, Object> fromScript = campaign(Map.of("channel", "WECOM", "templateId", "wecom", "scriptId", campaignScript));
        JsonNode made = created(call(HttpMethod.POST, "/admin/v1/touchpoint/campaigns", fromScript));
        assertThat(made.path("arms").get(0).path("channels").get(0).path("fields").path("text").asText()).isEqualTo("{name}，周末会员日见");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/campaigns", campaign(Map.of("channel", "WECOM", "templateId", "wecom", "scriptId", script))),
                400, "arms[0].channels[0].scriptId");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/campaigns", campaign(Map.of("channel", "SMS", "templateId", "SMS_1", "scriptId",
                campaignScript))), 400, "arms[0].channels[0].scriptId");
        problem(call(HttpMethod.POST, "/admin/v1/touchpoint/campaigns", campaign(Map.of("channel", "SMS", "templateId", "SMS_1"))), 400,
                "arms[0].channels[0].fields");
    }

    private static Map<String, Object> campaign(Map<String, Object> content) {
        return Map.of("name", "会员日", "segmentId", 5, "startAt", java.time.Instant.now().toString(), "arms", List.of(Map.of("name", "A", "weight", 1,
                "channels", List.of(content))));
    }

    private ResponseEntity<String> call(HttpMethod method, String path, Object body) {
        HttpHeaders headers = method == HttpMethod.GET ? admin : Http.write(admin);
        return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode created(ResponseEntity<String> r) throws Exception {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(201);
        return json.readTree(r.getBody());
    }

    private static String ok(ResponseEntity<String> r) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private static void problem(ResponseEntity<String> r, int status, String says) {
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(status);
        assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(r.getBody()).contains(says);
    }
}
