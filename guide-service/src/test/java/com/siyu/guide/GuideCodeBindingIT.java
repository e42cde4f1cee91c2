package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * A shopper binds to a guide by the guide's personal code, under the tenant's binding rule (first / last touch,
 * protection days, operator override); every change is history; touches of one member race safely.
 */
@ServiceIT
class GuideCodeBindingIT extends GuideServiceTestBase {


    long tenant;
    HttpHeaders admin;

    @BeforeEach
    void freshTenant() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(okJson("{\"id\":2,\"code\":\"B\",\"name\":\"Store B\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).atPriority(9).willReturn(okJson("{\"id\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/9\\d{5}")).atPriority(8).willReturn(MemberServiceStub.notThisTenants()));
        MemberServiceStub.staffAndCounters(memberService);
    }

    @Test
    void aShopperBindsByTheGuidesCodeAndTheRuleDecidesWhetherALaterTouchMovesThem() {
        long li = guide(21, 1);
        long wang = guide(22, 1);
        String liCode = code(21);
        String wangCode = code(22);
        HttpHeaders shopper = Http.member(tenant, 501);

        ResponseEntity<String> first = scan(shopper, liCode);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(read(first).path("outcome").asText()).isEqualTo("BIND");
        assertThat(read(scan(shopper, liCode)).path("outcome").asText()).isEqualTo("ALREADY");
        // the default rule: last touch wins, but not within 30 days of the last binding
        assertThat(rule().path("mode").asText()).isEqualTo("LAST_TOUCH");
        ResponseEntity<String> protectedTouch = scan(shopper, wangCode);
        assertThat(protectedTouch.getStatusCode().value()).isEqualTo(200);
        assertThat(read(protectedTouch).path("outcome").asText()).isEqualTo("KEEP");
        assertThat(read(protectedTouch).path("guideId").asLong()).isEqualTo(li);

        setRule("LAST_TOUCH", 0, true);
        ResponseEntity<String> moved = scan(shopper, wangCode);
        assertThat(read(moved).path("outcome").asText()).isEqualTo("MOVE");
        assertThat(read(http.exchange("/api/v1/guide/my-guide", HttpMethod.GET, new HttpEntity<>(shopper), String.class)).path("guideId")
                .asLong()).isEqualTo(wang);

        setRule("FIRST_TOUCH", 0, false);
        assertThat(read(scan(shopper, liCode)).path("outcome").asText()).isEqualTo("KEEP");
        // an operator cannot override a first-touch binding unless the rule says so ...
        ResponseEntity<String> refused = assign(501, li, "customer asked");
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("MEMBER_BOUND_ELSEWHERE");
        setRule("FIRST_TOUCH", 0, true);
        ResponseEntity<String> assigned = assign(501, li, "customer asked");
        assertThat(assigned.getStatusCode().value()).as(assigned.getBody()).isEqualTo(200);
        assertThat(read(assigned).path("source").asText()).isEqualTo("STAFF");

        // every change, newest first: who, from whom, to whom, how
        JsonNode history = read(http.exchange("/admin/v1/guide/members/501/binding-history", HttpMethod.GET, new HttpEntity<>(admin),
                String.class));
        assertThat(history.findValuesAsText("source")).containsExactly("STAFF", "CODE", "CODE");
        assertThat(history.get(0).path("fromGuideId").asLong()).isEqualTo(wang);
        assertThat(history.get(0).path("toGuideId").asLong()).isEqualTo(li);
        assertThat(history.get(0).path("actorStaffId").asLong()).isEqualTo(1);
        assertThat(history.get(0).path("reason").asText()).isEqualTo("customer asked");
        assertThat(history.get(1).path("fromGuideId").asLong()).isEqualTo(li);
        assertThat(history.get(2).hasNonNull("fromGuideId")).as("the first binding came from no guide").isFalse();

        // the guide sees their own members only
        JsonNode liMembers = read(http.exchange("/admin/v1/guide/me/members", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 21, "GUIDE")),
                String.class));
        assertThat(liMembers.findValuesAsText("memberId")).containsExactly("501");
        assertThat(http.exchange("/admin/v1/guide/members/501/guide", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 22, "GUIDE")),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/guide/members/501/binding-history", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 22, "GUIDE")), String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aForgedEditedOrForeignCodeBindsNobody() {
        guide(31, 1);
        long other = guide(32, 1);
        String genuine = code(31);
        HttpHeaders shopper = Http.member(tenant, 502);
        // the shopper edits the guide id in the payload: the signature no longer holds
        String payload = new String(Base64.getUrlDecoder().decode(genuine.substring(0, genuine.indexOf('.'))), StandardCharsets.US_ASCII);
        String[] parts = payload.split("\\.");
        parts[2] = Long.toString(other);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(String.join(".", parts).getBytes(StandardCharsets.US_ASCII))
                + genuine.substring(genuine.indexOf('.'));
        assertThat(read(scan(shopper, edited)).path("code").asText()).isEqualTo("GUIDE_CODE_INVALID");
        assertThat(read(scan(shopper, "bm90LWEtY29kZQ." + "A".repeat(43))).path("code").asText()).isEqualTo("GUIDE_CODE_INVALID");
        assertThat(read(scan(shopper, "not a code")).path("status").asInt()).isEqualTo(400);
        // a genuine code of this tenant scanned by another mall's shopper
        assertThat(read(scan(Http.member(tenant + 1, 502), genuine)).path("code").asText()).isEqualTo("GUIDE_CODE_INVALID");
        // staff cannot bind themselves through the shopper API
        assertThat(scan(admin, genuine).getStatusCode().value()).isIn(401, 403);
        assertThat(jdbc.queryForObject("select count(*) from guide_binding where tenant_id in (?, ?)", Integer.class, tenant, tenant + 1))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id in (?, ?)", Integer.class, tenant, tenant + 1))
                .isZero();
    }

    @Test
    void concurrentTouchesOfOneMemberLeaveOneBindingAndAHistoryChainWithoutGaps() throws Exception {
        int guides = 6;
        List<String> codes = new ArrayList<>();
        for (int g = 0; g < guides; g++) {
            guide(40 + g, 1);
            codes.add(code(40 + g));
        }
        HttpHeaders shopper = Http.member(tenant, 503);
        // protected: the first touch wins the race, every other answers KEEP or ALREADY
        List<ResponseEntity<String>> firstRound = race(shopper, codes, 24);
        assertThat(firstRound.stream().filter(r -> r.getStatusCode().value() == 201).count()).isEqualTo(1);
        assertThat(firstRound.stream().allMatch(r -> r.getStatusCode().is2xxSuccessful())).as(firstRound.toString()).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from guide_binding_history where tenant_id = ? and member_id = 503", Integer.class,
                tenant)).isEqualTo(1);

        // unprotected last touch: moves race; the history must still be one unbroken chain ending at the binding
        setRule("LAST_TOUCH", 0, true);
        List<ResponseEntity<String>> secondRound = race(shopper, codes, 24);
        assertThat(secondRound.stream().allMatch(r -> r.getStatusCode().is2xxSuccessful())).as(secondRound.toString()).isTrue();
        long moves = secondRound.stream().filter(r -> read(r).path("outcome").asText().equals("MOVE")).count();
        List<Map<String, Object>> chain = jdbc.queryForList("select from_guide_id, to_guide_id from guide_binding_history"
                + " where tenant_id = ? and member_id = 503 order by id", tenant);
        assertThat(chain).hasSize(1 + (int) moves);
        for (int i = 1; i < chain.size(); i++) {
            assertThat(chain.get(i).get("from_guide_id")).isEqualTo(chain.get(i - 1).get("to_guide_id"));
        }
        assertThat(jdbc.queryForObject("select guide_id from guide_binding where tenant_id = ? and member_id = 503", Long.class, tenant))
                .isEqualTo(((Number) chain.get(chain.size() - 1).get("to_guide_id")).longValue());
    }

    private List<ResponseEntity<String>> race(HttpHeaders shopper, List<String> codes, int touches) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> futures = new ArrayList<>();
        for (int i = 0; i < touches; i++) {
            String code = codes.get(i % codes.size());
            futures.add(pool.submit(() -> {
                start.await();
                return scan(shopper, code);
            }));
        }
        start.countDown();
        List<ResponseEntity<String>> results = new ArrayList<>();
        for (Future<ResponseEntity<String>> future : futures) {
            results.add(future.get());
        }
        pool.shutdown();
        return results;
    }

    private long guide(long staffId, long storeId) {
        ResponseEntity<String> enrolled = http.exchange("/admin/v1/guide/guides", HttpMethod.POST, new HttpEntity<>(Map.of("staffId", staffId,
                "storeId", storeId, "name", "导购" + staffId, "phone", "139" + String.format("%08d", staffId)), Http.write(admin)), String.class);
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    private String code(long staffId) {
        ResponseEntity<String> code = http.exchange("/admin/v1/guide/me/code", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, staffId, "GUIDE")),
                String.class);
        assertThat(code.getStatusCode().value()).as(code.getBody()).isEqualTo(200);
        return read(code).path("token").asText();
    }

    private ResponseEntity<String> scan(HttpHeaders shopper, String code) {
        return http.exchange("/api/v1/guide/bindings", HttpMethod.POST, new HttpEntity<>(Map.of("code", code), Http.write(shopper)), String.class);
    }

    private ResponseEntity<String> assign(long member, long guideId, String reason) {
        return http.exchange("/admin/v1/guide/members/" + member + "/guide", HttpMethod.PUT,
                new HttpEntity<>(Map.of("guideId", guideId, "reason", reason), Http.write(admin)), String.class);
    }

    private JsonNode rule() {
        return read(http.exchange("/admin/v1/guide/binding-rules", HttpMethod.GET, new HttpEntity<>(admin), String.class));
    }

    private void setRule(String mode, int days, boolean overrides) {
        ResponseEntity<String> set = http.exchange("/admin/v1/guide/binding-rules", HttpMethod.PUT, new HttpEntity<>(Map.of("mode", mode,
                "protectionDays", days, "operatorOverrides", overrides), Http.write(admin)), String.class);
        assertThat(set.getStatusCode().value()).as(set.getBody()).isEqualTo(200);
    }
}
