package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule tags against the real database: a tag whose members are exactly the members matching its rule
 * (spend in the last 365 days and a visited store), re-evaluated as data and the rule change, under
 * concurrent evaluations, refusing hand assignment and self-reference, inside the tenant.
 */
@ServiceIT
class RuleTagsIT {

    static final String BIG_AT_A = "高消费-A店";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    long tenant;
    long storeA;
    long storeB;
    HttpHeaders admin;
    int phones;

    @BeforeEach
    void onboard() {
        tenant = onboardTenant();
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        JsonNode stores = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(admin), String.class));
        storeA = stores.get(0).path("id").asLong();
        storeB = stores.get(1).path("id").asLong();
    }

    @Test
    void theTagsMembersAreExactlyTheMembersMatchingItsRuleAsDataAndTheRuleChange() {
        long recentA = member(buy(150_000, storeA, 10));            // matches
        long onlyB = member(buy(150_000, storeB, 10));              // spent enough, not at A
        long smallA = member(buy(50_000, storeA, 20));              // at A, not enough (yet)
        long longAgo = member(buy(200_000, storeA, 400));           // enough at A, but outside the 365 days
        long recentA2 = member(buy(120_000, storeA, 5));            // matches (until merged away)
        long nothing = member();
        post("/admin/v1/member/members/" + recentA + "/tags", Map.of("name", "VIP"));

        JsonNode tag = post("/admin/v1/member/tags", Map.of("name", BIG_AT_A, "kind", "RULE", "rule", rule(100_000, storeA)));
        long tagId = tag.path("id").asLong();
        assertThat(tag.path("kind").asText()).isEqualTo("RULE");
        assertThat(tag.path("rule").path("all").size()).isEqualTo(2);
        assertThat(tagged(tagId)).isEmpty();

        JsonNode first = evaluate(tagId);
        assertThat(first.path("added").asInt()).isEqualTo(2);
        assertThat(first.path("removed").asInt()).isZero();
        assertThat(first.path("count").asLong()).isEqualTo(2);
        assertThat(tagged(tagId)).containsExactlyInAnyOrder(recentA, recentA2);
        assertThat(getJson("/admin/v1/member/tags/" + tagId).path("evaluatedAt").isTextual()).isTrue();

        JsonNode again = evaluate(tagId);
        assertThat(List.of(again.path("added").asInt(), again.path("removed").asInt(), again.path("count").asInt())).containsExactly(0, 0, 2);

        // one member starts matching (more spend at A), another stops (merged into a member who does not match)
        post("/internal/members/" + smallA + "/growth", Map.of("bizId", "more-" + smallA, "spendFen", 60_000, "storeId", storeA,
                "occurredAt", Instant.now().minus(Duration.ofDays(1)).toString()));
        post("/admin/v1/member/merges", Map.of("survivorId", nothing, "mergedId", recentA2, "reason", "same person"));
        JsonNode changed = evaluate(tagId);
        assertThat(changed.path("added").asInt()).isEqualTo(1);
        assertThat(changed.path("removed").asInt()).isEqualTo(1);
        assertThat(changed.path("count").asLong()).isEqualTo(2);
        assertThat(tagged(tagId)).containsExactlyInAnyOrder(recentA, smallA).doesNotContain(onlyB, longAgo, recentA2, nothing);

        // a rule tag is a tag like any other for segments and for other rule tags
        long segment = post("/admin/v1/member/segments", Map.of("name", "seg-" + UUID.randomUUID(), "rule",
                Map.of("all", List.of(Map.of("field", "tag", "op", "eq", "value", BIG_AT_A))))).path("id").asLong();
        assertThat(longs(getJson("/admin/v1/member/segments/" + segment + "/members"))).containsExactly(recentA, smallA);
        long vipAndBig = post("/admin/v1/member/tags", Map.of("name", "VIP-高消费", "kind", "RULE", "rule",
                Map.of("all", List.of(Map.of("field", "tag", "op", "eq", "value", BIG_AT_A), Map.of("field", "tag", "op", "eq", "value", "VIP")))))
                .path("id").asLong();
        assertThat(evaluate(vipAndBig).path("count").asLong()).isEqualTo(1);
        assertThat(tagged(vipAndBig)).containsExactly(recentA);

        // a changed rule applies at the next evaluation
        JsonNode stricter = put("/admin/v1/member/tags/" + tagId + "/rule", Map.of("rule", rule(140_000, storeA)));
        assertThat(stricter.path("rule").path("all").get(0).path("value").asLong()).isEqualTo(140_000);
        assertThat(tagged(tagId)).containsExactlyInAnyOrder(recentA, smallA);
        JsonNode afterChange = evaluate(tagId);
        assertThat(List.of(afterChange.path("added").asInt(), afterChange.path("removed").asInt())).containsExactly(0, 1);
        assertThat(tagged(tagId)).containsExactly(recentA);
        ResponseEntity<String> badRule = http.exchange("/admin/v1/member/tags/" + tagId + "/rule", HttpMethod.PUT, new HttpEntity<>(Map.of("rule",
                Map.of("all", List.of(Map.of("field", "recentSpendFen", "op", "eq", "value", 5)))), Http.write(admin)), String.class);
        assertThat(badRule.getStatusCode().value()).isEqualTo(400);
        assertThat(read(badRule).path("code").asText()).isEqualTo("SEGMENT_RULE_INVALID");
        assertThat(getJson("/admin/v1/member/tags/" + tagId).path("rule").path("all").get(0).path("value").asLong()).isEqualTo(140_000);

        // the member's tag list and the 360 profile show both kinds, marked
        JsonNode tags = getJson("/admin/v1/member/members/" + recentA + "/tags");
        assertThat(kinds(tags)).containsEntry(BIG_AT_A, "RULE").containsEntry("VIP-高消费", "RULE").containsEntry("VIP", "MANUAL").hasSize(3);
        JsonNode profile = getJson("/admin/v1/member/members/" + recentA + "/profile");
        assertThat(kinds(profile.path("tags"))).containsEntry(BIG_AT_A, "RULE").containsEntry("VIP", "MANUAL");
    }

    @Test
    void handAssignmentOfARuleTagAndARuleOnAManualTagAreRefused() {
        long matching = member(buy(150_000, storeA, 3));
        long other = member();
        long tagId = post("/admin/v1/member/tags", Map.of("name", BIG_AT_A, "kind", "RULE", "rule", rule(100_000, storeA))).path("id").asLong();
        evaluate(tagId);

        ResponseEntity<String> assign = http.exchange("/admin/v1/member/members/" + other + "/tags", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", BIG_AT_A), Http.write(admin)), String.class);
        assertThat(assign.getStatusCode().value()).isEqualTo(409);
        assertThat(read(assign).path("code").asText()).isEqualTo("TAG_IS_RULE_BASED");
        ResponseEntity<String> remove = http.exchange("/admin/v1/member/members/" + matching + "/tags/" + BIG_AT_A, HttpMethod.DELETE,
                new HttpEntity<>(Http.write(admin)), String.class);
        assertThat(remove.getStatusCode().value()).isEqualTo(409);
        assertThat(read(remove).path("code").asText()).isEqualTo("TAG_IS_RULE_BASED");
        assertThat(tagged(tagId)).containsExactly(matching);

        long manual = post("/admin/v1/member/tags", Map.of("name", "生日", "kind", "MANUAL")).path("id").asLong();
        ResponseEntity<String> ruleOnManual = http.exchange("/admin/v1/member/tags/" + manual + "/rule", HttpMethod.PUT,
                new HttpEntity<>(Map.of("rule", rule(1, storeA)), Http.write(admin)), String.class);
        assertThat(ruleOnManual.getStatusCode().value()).isEqualTo(409);
        assertThat(read(ruleOnManual).path("code").asText()).isEqualTo("TAG_IS_MANUAL");
        assertThat(getJson("/admin/v1/member/tags/" + manual).has("rule")).isFalse();
        ResponseEntity<String> evaluateManual = http.exchange("/admin/v1/member/tags/" + manual + "/evaluations", HttpMethod.POST,
                new HttpEntity<>(Map.of(), Http.write(admin)), String.class);
        assertThat(read(evaluateManual).path("code").asText()).isEqualTo("TAG_IS_MANUAL");
        ResponseEntity<String> manualWithRule = http.exchange("/admin/v1/member/tags", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "x", "kind", "MANUAL", "rule", rule(1, storeA)), Http.write(admin)), String.class);
        assertThat(read(manualWithRule).path("code").asText()).isEqualTo("TAG_IS_MANUAL");
        ResponseEntity<String> ruleWithoutRule = http.exchange("/admin/v1/member/tags", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "y", "kind", "RULE"), Http.write(admin)), String.class);
        assertThat(ruleWithoutRule.getStatusCode().value()).isEqualTo(400);
        // the manual tag still works by hand
        post("/admin/v1/member/members/" + other + "/tags", Map.of("name", "生日"));
        assertThat(kinds(getJson("/admin/v1/member/members/" + other + "/tags"))).containsExactly(Map.entry("生日", "MANUAL"));
        ResponseEntity<String> taken = http.exchange("/admin/v1/member/tags", HttpMethod.POST,
                new HttpEntity<>(Map.of("name", "生日", "kind", "RULE", "rule", rule(1, storeA)), Http.write(admin)), String.class);
        assertThat(read(taken).path("code").asText()).isEqualTo("TAG_NAME_TAKEN");
        assertThat(names(getJson("/admin/v1/member/tags"))).containsExactlyInAnyOrder(BIG_AT_A, "生日");

        // another service (guide-service's contact codes) tags the same way, idempotently, and is refused the same way
        HttpHeaders service = Http.internal(tenant);
        for (int i = 0; i < 2; i++) {
            ResponseEntity<String> byService = http.exchange("/internal/members/" + other + "/tags", HttpMethod.POST,
                    new HttpEntity<>(Map.of("name", "618海报"), service), String.class);
            assertThat(byService.getStatusCode().value()).as(byService.getBody()).isEqualTo(200);
        }
        assertThat(kinds(getJson("/admin/v1/member/members/" + other + "/tags"))).containsOnlyKeys("生日", "618海报");
        assertThat(read(http.exchange("/internal/members/" + other + "/tags", HttpMethod.POST, new HttpEntity<>(Map.of("name", BIG_AT_A), service),
                String.class)).path("code").asText()).isEqualTo("TAG_IS_RULE_BASED");
        assertThat(http.exchange("/internal/members/" + other + "/tags", HttpMethod.POST, new HttpEntity<>(Map.of("name", "618海报"),
                Http.internal(tenant + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/internal/members/" + other + "/tags", HttpMethod.POST, new HttpEntity<>(Map.of("name", "618海报"), admin),
                String.class).getStatusCode().value()).isIn(401, 403);
    }

    @Test
    void aRuleThatRefersToItsOwnTagIsRefusedDirectlyOrThroughAnotherRuleTag() {
        ResponseEntity<String> direct = http.exchange("/admin/v1/member/tags", HttpMethod.POST, new HttpEntity<>(Map.of("name", "自指", "kind", "RULE",
                "rule", Map.of("all", List.of(Map.of("field", "tag", "op", "in", "value", List.of("VIP", "自指"))))), Http.write(admin)), String.class);
        assertThat(direct.getStatusCode().value()).isEqualTo(422);
        assertThat(read(direct).path("code").asText()).isEqualTo("TAG_RULE_REFERS_TO_ITSELF");
        assertThat(names(getJson("/admin/v1/member/tags"))).doesNotContain("自指");

        long a = post("/admin/v1/member/tags", Map.of("name", "A", "kind", "RULE", "rule", rule(100_000, storeA))).path("id").asLong();
        post("/admin/v1/member/tags", Map.of("name", "B", "kind", "RULE", "rule", Map.of("all", List.of(Map.of("field", "tag", "op", "eq", "value", "A")))));
        ResponseEntity<String> throughB = http.exchange("/admin/v1/member/tags/" + a + "/rule", HttpMethod.PUT, new HttpEntity<>(Map.of("rule",
                Map.of("all", List.of(Map.of("field", "tag", "op", "eq", "value", "b")))), Http.write(admin)), String.class);
        assertThat(throughB.getStatusCode().value()).isEqualTo(422);
        assertThat(read(throughB).path("detail").asText()).contains("A → b → A");
        assertThat(getJson("/admin/v1/member/tags/" + a).path("rule").path("all").get(0).path("field").asText()).isEqualTo("recentSpendFen");
    }

    @Test
    void concurrentEvaluationsEndInTheSameSetWithNoDuplicates() throws Exception {
        int n = 120;
        List<Long> members = new ArrayList<>();
        Set<Long> expected = new TreeSet<>();
        long seeding = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long id = member(i % 3 == 0 ? buy(150_000, storeA, 1 + i % 300) : i % 3 == 1 ? buy(80_000, storeA, 2) : buy(150_000, storeB, 2));
            members.add(id);
            if (i % 3 == 0) {
                expected.add(id);
            }
        }
        long seedMs = (System.nanoTime() - seeding) / 1_000_000;
        long tagId = post("/admin/v1/member/tags", Map.of("name", BIG_AT_A, "kind", "RULE", "rule", rule(100_000, storeA))).path("id").asLong();

        List<JsonNode> round1 = evaluateConcurrently(tagId, 4);
        assertThat(round1.stream().mapToInt(r -> r.path("added").asInt()).sum()).isEqualTo(expected.size());
        assertThat(round1.stream().mapToInt(r -> r.path("removed").asInt()).sum()).isZero();
        assertThat(round1).allSatisfy(r -> assertThat(r.path("count").asLong()).isEqualTo(expected.size()));
        assertThat(tagged(tagId)).containsExactlyElementsOf(expected);
        assertNoDuplicates(tagId);

        // a third of the 80,000 spenders reach 100,000; a stricter store rule is not needed: merge away a quarter of the matching ones
        Set<Long> starting = new TreeSet<>();
        Set<Long> stopping = new TreeSet<>();
        for (int i = 0; i < n; i++) {
            long id = members.get(i);
            if (i % 3 == 1 && i % 2 == 0) {
                post("/internal/members/" + id + "/growth", Map.of("bizId", "top-up-" + id, "spendFen", 30_000, "storeId", storeA));
                starting.add(id);
            } else if (i % 3 == 0 && i % 4 == 0) {
                post("/admin/v1/member/merges", Map.of("survivorId", members.get(i + 2), "mergedId", id, "reason", "same person"));
                stopping.add(id);
            }
        }
        expected.addAll(starting);
        expected.removeAll(stopping);
        List<JsonNode> round2 = evaluateConcurrently(tagId, 4);
        assertThat(round2.stream().mapToInt(r -> r.path("added").asInt()).sum()).isEqualTo(starting.size());
        assertThat(round2.stream().mapToInt(r -> r.path("removed").asInt()).sum()).isEqualTo(stopping.size());
        assertThat(round2).allSatisfy(r -> assertThat(r.path("count").asLong()).isEqualTo(expected.size()));
        assertThat(tagged(tagId)).containsExactlyElementsOf(expected);
        assertNoDuplicates(tagId);
        System.out.printf("RULE-TAGS seeded %d members with growth in %d ms; round 1: %d added over 4 concurrent evaluations, %s ms each;"
                        + " round 2: +%d -%d, %s ms each (server-side %s ms)%n", n, seedMs, expected.size() - starting.size() + stopping.size(),
                round1.stream().map(r -> r.path("clientMs").asText()).toList(), starting.size(), stopping.size(),
                round2.stream().map(r -> r.path("clientMs").asText()).toList(), round2.stream().map(r -> r.path("tookMs").asText()).toList());
    }

    @Test
    void anotherTenantNeitherSeesTheTagNorGetsItsMembersTagged() {
        long a1 = member(buy(150_000, storeA, 3));
        long tagId = post("/admin/v1/member/tags", Map.of("name", BIG_AT_A, "kind", "RULE", "rule",
                Map.of("all", List.of(Map.of("field", "recentSpendFen", "op", "gte", "value", 100_000))))).path("id").asLong();
        long tenantA = tenant;
        HttpHeaders adminA = admin;

        tenant = onboardTenant();
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        long storeOfB = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(admin), String.class)).get(0).path("id").asLong();
        long b1 = member(buy(500_000, storeOfB, 3));
        long b2 = member(buy(900_000, storeOfB, 1));
        HttpHeaders b = admin;
        for (Object[] call : List.of(new Object[] {HttpMethod.GET, "/admin/v1/member/tags/" + tagId, null},
                new Object[] {HttpMethod.PUT, "/admin/v1/member/tags/" + tagId + "/rule", Map.of("rule", rule(1, storeOfB))},
                new Object[] {HttpMethod.POST, "/admin/v1/member/tags/" + tagId + "/evaluations", Map.of()},
                new Object[] {HttpMethod.GET, "/admin/v1/member/members/" + a1 + "/tags", null})) {
            HttpMethod method = (HttpMethod) call[0];
            ResponseEntity<String> response = http.exchange((String) call[1], method,
                    new HttpEntity<>(call[2], method == HttpMethod.GET ? b : Http.write(b)), String.class);
            assertThat(response.getStatusCode().value()).as(method + " " + call[1] + " " + response.getBody()).isEqualTo(404);
        }
        assertThat(names(getJson("/admin/v1/member/tags"))).isEmpty();

        // tenant A evaluates: only A's member, never B's richer ones
        admin = adminA;
        tenant = tenantA;
        JsonNode evaluation = evaluate(tagId);
        assertThat(evaluation.path("count").asLong()).isEqualTo(1);
        assertThat(tagged(tagId)).containsExactly(a1);
        assertThat(jdbc.queryForObject("select count(*) from member_tag where member_id in (?, ?)", Integer.class, b1, b2)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from member_tag where tag_id = ? and tenant_id <> ?", Integer.class, tagId, tenantA)).isZero();
        assertThat(getJson("/admin/v1/member/tags/" + tagId).path("rule").path("all").get(0).path("field").asText()).isEqualTo("recentSpendFen");

        // B's own tag of the same name tags only B's members
        admin = b;
        long tagOfB = post("/admin/v1/member/tags", Map.of("name", BIG_AT_A, "kind", "RULE", "rule",
                Map.of("all", List.of(Map.of("field", "recentSpendFen", "op", "gte", "value", 100_000))))).path("id").asLong();
        assertThat(evaluate(tagOfB).path("count").asLong()).isEqualTo(2);
        assertThat(tagged(tagOfB)).containsExactlyInAnyOrder(b1, b2);
        assertThat(tagged(tagId)).containsExactly(a1);
    }

    // --- helpers

    private List<JsonNode> evaluateConcurrently(long tagId, int parallel) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonNode>> futures = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    long started = System.nanoTime();
                    ResponseEntity<String> response = http.exchange("/admin/v1/member/tags/" + tagId + "/evaluations", HttpMethod.POST,
                            new HttpEntity<>(Map.of(), Http.write(Http.staff(tenant, 2, "OPERATOR"))), String.class);
                    assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
                    JsonNode body = read(response);
                    ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("clientMs", (System.nanoTime() - started) / 1_000_000);
                    return body;
                }));
            }
            go.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNoDuplicates(long tagId) {
        Map<String, Object> counts = jdbc.queryForMap("select count(*) as n, count(distinct member_id) as d from member_tag where tag_id = ?", tagId);
        assertThat(((Number) counts.get("n")).longValue()).isEqualTo(((Number) counts.get("d")).longValue());
    }

    private static Map<String, Object> rule(long minSpendFen, long store) {
        return Map.of("all", List.of(Map.of("field", "recentSpendFen", "op", "gte", "value", minSpendFen),
                Map.of("field", "store", "op", "eq", "value", store)));
    }

    private record Purchase(long spendFen, long store, int daysAgo) {
    }

    private static Purchase buy(long spendFen, long store, int daysAgo) {
        return new Purchase(spendFen, store, daysAgo);
    }

    private long member(Purchase... purchases) {
        long id = post("/admin/v1/member/members", Map.of("phone", "137" + String.format("%08d", ++phones))).path("id").asLong();
        for (Purchase p : purchases) {
            post("/internal/members/" + id + "/growth", Map.of("bizId", "pay-" + id + "-" + p.daysAgo(), "spendFen", p.spendFen(),
                    "storeId", p.store(), "occurredAt", Instant.now().minus(Duration.ofDays(p.daysAgo())).toString()));
        }
        return id;
    }

    private List<Long> tagged(long tagId) {
        return jdbc.queryForList("select member_id from member_tag where tag_id = ? order by member_id", Long.class, tagId);
    }

    private JsonNode evaluate(long tagId) {
        ResponseEntity<String> response = http.exchange("/admin/v1/member/tags/" + tagId + "/evaluations", HttpMethod.POST,
                new HttpEntity<>(Map.of(), Http.write(admin)), String.class);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
        JsonNode body = read(response);
        assertThat(body.path("tagId").asLong()).isEqualTo(tagId);
        return body;
    }

    private static Map<String, String> kinds(JsonNode tags) {
        Map<String, String> kinds = new HashMap<>();
        tags.forEach(t -> kinds.put(t.path("name").asText(), t.path("kind").asText()));
        return kinds;
    }

    private static List<String> names(JsonNode tags) {
        List<String> names = new ArrayList<>();
        tags.forEach(t -> names.add(t.path("name").asText()));
        return names;
    }

    private static List<Long> longs(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("memberIds").forEach(n -> ids.add(n.asLong()));
        return ids;
    }

    private long onboardTenant() {
        String code = "rt-" + UUID.randomUUID().toString().substring(0, 8);
        return read(http.exchange("/internal/platform/tenants", HttpMethod.POST, new HttpEntity<>(Map.of("code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A"), Map.of("code", "B", "name", "Store B")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()), String.class))
                .path("id").asLong();
    }

    private JsonNode post(String path, Object body) {
        // /internal calls come from other services: a service token acting for the tenant
        HttpHeaders caller = path.startsWith("/internal/") ? Http.internal(tenant) : admin;
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(caller)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isBetween(200, 201);
        return read(response);
    }

    private JsonNode put(String path, Object body) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, Http.write(admin)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response);
    }

    private JsonNode getJson(String path) {
        ResponseEntity<String> response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(admin), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isEqualTo(200);
        return read(response);
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
