package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Targets split down to guides, and progress from the real ledgers (bindings through the API, payments through the inbox). */
@ServiceIT
class GuideTargetIT extends GuideServiceTestBase {

    private static final ZoneId MALL = ZoneId.of("Asia/Shanghai");

    @Autowired
    Inbox inbox;

    long tenant;
    HttpHeaders admin;
    long li;
    long wang;
    long zhao;
    LocalDate first;
    LocalDate last;

    @BeforeEach
    void mallWithThreeGuidesInTwoStores() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(okJson("{\"id\":2,\"code\":\"B\",\"name\":\"Store B\"}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/3")).willReturn(okJson("{\"id\":3,\"code\":\"C\",\"name\":\"Store C\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/stores/9\\d{5}")).willReturn(MemberServiceStub.notThisTenants()));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).willReturn(okJson("{\"id\":1}")));
        memberService.stubFor(get(urlEqualTo("/internal/tenants/current"))
                .willReturn(okJson("{\"id\":1,\"code\":\"mall\",\"timeZone\":\"Asia/Shanghai\"}")));
        MemberServiceStub.staffAndCounters(memberService);
        li = enrol(61, 1);
        wang = enrol(62, 1);
        zhao = enrol(700_063, 2);
        first = LocalDate.now(MALL).withDayOfMonth(1);
        last = first.plusMonths(1).minusDays(1);
    }

    @Test
    void aTargetIsSplitDownToGuidesAndEveryLevelsProgressIsItsChildrensSum() {
        ResponseEntity<String> planned = post(admin, "/admin/v1/guide/targets", Map.of("name", "本月新会员", "metric", "NEW_BINDINGS",
                "startsOn", first.toString(), "endsOn", last.toString(), "goal", 1_000, "dayWeights", List.of(1, 1, 1, 1, 1, 2, 2),
                "departments", List.of(Map.of("name", "女装", "weight", 2, "stores", List.of(Map.of("storeId", 1))),
                        Map.of("name", "童装", "weight", 1, "stores", List.of(Map.of("storeId", 2, "guides", List.of(Map.of("guideId", zhao))))))));
        assertThat(planned.getStatusCode().value()).as(planned.getBody()).isEqualTo(201);
        JsonNode plan = read(planned);
        long id = plan.path("id").asLong();
        assertThat(plan.path("nodes").findValuesAsText("goal")).containsExactly("1000", "667", "667", "334", "333", "333", "333", "333");
        assertThat(plan.path("nodes").get(2).path("name").asText()).isEqualTo("Store A");

        // real events: li wins two members (an operator's assignment and a code scan), zhao one; a handover would not count
        assign(601, li);
        String code = read(http.exchange("/admin/v1/guide/me/code", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 61, "GUIDE")),
                String.class)).path("token").asText();
        assertThat(post(Http.member(tenant, 602), "/api/v1/guide/bindings", Map.of("code", code)).getStatusCode().value()).isEqualTo(201);
        assign(603, zhao);

        for (String granularity : List.of("DAY", "WEEK", "MONTH")) {
            JsonNode progress = read(http.exchange("/admin/v1/guide/targets/" + id + "?granularity=" + granularity, HttpMethod.GET,
                    new HttpEntity<>(admin), String.class));
            List<JsonNode> nodes = new ArrayList<>();
            progress.path("nodes").forEach(nodes::add);
            assertThat(nodes).hasSize(8);
            assertThat(nodes.get(0).path("actual").asLong()).isEqualTo(3);
            for (JsonNode node : nodes) {
                if (node.path("level").asText().equals("GUIDE")) {
                    assertThat(node.path("actual").asLong()).as("guide %s", node.path("refId")).isEqualTo(jdbc.queryForObject(
                            "select count(*) from guide_binding_history where tenant_id = ? and to_guide_id = ?", Long.class, tenant,
                            node.path("refId").asLong()));
                }
                List<JsonNode> children = nodes.stream().filter(c -> c.path("parent").asInt() == node.path("position").asInt()).toList();
                if (!children.isEmpty()) {
                    assertThat(children.stream().mapToLong(c -> c.path("actual").asLong()).sum()).isEqualTo(node.path("actual").asLong());
                    assertThat(children.stream().mapToLong(c -> c.path("goal").asLong()).sum()).isEqualTo(node.path("goal").asLong());
                }
                long bucketGoals = 0;
                long bucketActuals = 0;
                for (JsonNode b : node.path("buckets")) {
                    bucketGoals += b.path("goal").asLong();
                    bucketActuals += b.path("actual").asLong();
                }
                assertThat(bucketGoals).isEqualTo(node.path("goal").asLong());
                assertThat(bucketActuals).isEqualTo(node.path("actual").asLong());
            }
            int expected = switch (granularity) {
                case "DAY" -> last.getDayOfMonth();
                case "MONTH" -> 1;
                default -> nodes.get(0).path("buckets").size();
            };
            assertThat(nodes.get(0).path("buckets").size()).isEqualTo(expected);
        }

        // a manager of store 2 sees that store and its guide; a guide their own line; another mall nothing
        JsonNode managers = read(http.exchange("/admin/v1/guide/targets/" + id, HttpMethod.GET,
                new HttpEntity<>(Http.staffAt(tenant, 9, 2, "MANAGER")), String.class));
        assertThat(managers.path("nodes").findValuesAsText("refId")).containsExactly("2", Long.toString(zhao));
        JsonNode guides = read(http.exchange("/admin/v1/guide/targets/" + id, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 61, "GUIDE")),
                String.class));
        assertThat(guides.path("nodes").size()).isEqualTo(1);
        assertThat(guides.path("nodes").get(0).path("actual").asLong()).isEqualTo(2);
        assertThat(http.exchange("/admin/v1/guide/targets/" + id, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 1, "TENANT_ADMIN")),
                String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void salesTargetsCountWhatAttributedShoppersPaidOnTheMallsDays() {
        long id = read(post(admin, "/admin/v1/guide/targets", Map.of("name", "销售", "metric", "ATTRIBUTED_SALES", "startsOn", first.toString(),
                "endsOn", last.toString(), "goal", 2_000_000_00L, "departments", List.of(Map.of("name", "全部", "stores",
                        List.of(Map.of("storeId", 1, "guides", List.of(Map.of("guideId", li, "weight", 3), Map.of("guideId", wang, "weight", 1)))))))))
                .path("id").asLong();
        assign(611, li);
        assign(612, wang);
        paid("T1", 611, Instant.now(), 12_000);
        paid("T2", 612, Instant.now(), 3_000);
        // a payment just before the month began in the mall's zone does not count
        paid("T3", 611, first.atStartOfDay(MALL).toInstant().minusSeconds(1), 99_000);
        JsonNode progress = read(http.exchange("/admin/v1/guide/targets/" + id, HttpMethod.GET, new HttpEntity<>(admin), String.class));
        assertThat(field(progress, "goal")).containsExactly(200_000_000L, 200_000_000L, 200_000_000L, 150_000_000L, 50_000_000L);
        assertThat(field(progress, "actual")).containsExactly(15_000L, 15_000L, 15_000L, 12_000L, 3_000L);
    }

    @Test
    void badPlansAreProblemsAndWriteNothing() {
        Map<String, Object> store3 = Map.of("name", "x", "stores", List.of(Map.of("storeId", 3)));
        assertThat(read(plan(first, last, List.of(store3))).path("code").asText()).isEqualTo("STORE_HAS_NO_GUIDES");
        assertThat(read(plan(first, last, List.of(Map.of("name", "x", "stores", List.of(Map.of("storeId", 900_001)))))).path("code").asText())
                .isEqualTo("UNKNOWN_STORE");
        assertThat(read(plan(first, last, List.of(Map.of("name", "x", "stores", List.of(Map.of("storeId", 1, "guides",
                List.of(Map.of("guideId", zhao)))))))).path("code").asText()).isEqualTo("GUIDE_NOT_IN_STORE");
        assertThat(plan(last, first, List.of(Map.of("name", "x", "stores", List.of(Map.of("storeId", 1))))).getStatusCode().value()).isEqualTo(400);
        assertThat(plan(first, last, List.of(Map.of("name", "x", "stores", List.of(Map.of("storeId", 1)), "weight", 0))).getStatusCode().value())
                .isEqualTo(400);
        assertThat(plan(first, last, List.of(Map.of("name", "x", "stores", List.of(Map.of("storeId", 1))), Map.of("name", "y", "stores",
                List.of(Map.of("storeId", 1))))).getStatusCode().value()).isEqualTo(400);
        assertThat(post(Http.staff(tenant, 61, "GUIDE"), "/admin/v1/guide/targets", Map.of("name", "t", "metric", "NEW_BINDINGS", "startsOn",
                first.toString(), "endsOn", last.toString(), "goal", 100, "departments", List.of(Map.of("name", "x", "stores",
                        List.of(Map.of("storeId", 1)))))).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from guide_target where tenant_id = ?", Integer.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from guide_target_node where tenant_id = ?", Integer.class, tenant)).isZero();
    }

    /** One field of every node, in tree order (not of their buckets). */
    private static List<Long> field(JsonNode target, String name) {
        List<Long> values = new ArrayList<>();
        target.path("nodes").forEach(n -> values.add(n.path(name).asLong()));
        return values;
    }

    private ResponseEntity<String> plan(LocalDate from, LocalDate to, List<Map<String, Object>> departments) {
        return post(admin, "/admin/v1/guide/targets", Map.of("name", "t", "metric", "NEW_BINDINGS", "startsOn", from.toString(), "endsOn",
                to.toString(), "goal", 100, "departments", departments));
    }

    private long enrol(long staffId, long storeId) {
        ResponseEntity<String> enrolled = post(admin, "/admin/v1/guide/guides", Map.of("staffId", staffId, "storeId", storeId, "name", "导购" + staffId,
                "phone", "139" + String.format("%08d", staffId % 100_000_000)));
        assertThat(enrolled.getStatusCode().value()).as(enrolled.getBody()).isEqualTo(201);
        return read(enrolled).path("id").asLong();
    }

    private void assign(long member, long guide) {
        ResponseEntity<String> assigned = http.exchange("/admin/v1/guide/members/" + member + "/guide", HttpMethod.PUT,
                new HttpEntity<>(Map.of("guideId", guide), Http.write(admin)), String.class);
        assertThat(assigned.getStatusCode().value()).as(assigned.getBody()).isEqualTo(200);
    }

    private void paid(String paymentNo, long member, Instant at, long grossFen) {
        String no = paymentNo + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> order = Map.of("orderNo", no + "-1", "merchantId", 501, "storeId", 1, "grossFen", grossFen, "discountFen", 0);
        Map<String, Object> data = Map.of("paymentNo", no, "memberId", member, "paidAt", at.toString(), "orders", List.of(order));
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", "PaymentSucceeded", "tenantId", tenant, "data", data);
        assertThat(inbox.process(new ReceivedEvent(UUID.randomUUID().toString(), tenant, "payment-service.PaymentSucceeded",
                json.valueToTree(envelope), 1))).isEqualTo(Inbox.Outcome.APPLIED);
    }

    private ResponseEntity<String> post(HttpHeaders caller, String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(caller)), String.class);
    }
}
