package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.Rabbit;
import com.siyu.common.test.ServiceIT;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * payment-service's PaymentRefunded, delivered through the real RabbitMQ as the relay publishes it and
 * consumed by common's inbox: the refunded purchase's growth and spend come off the member, once.
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.inbox.auto-startup=true", "siyu.inbox.queue=" + GrowthReversalIT.QUEUE,
        "siyu.inbox.retry-delay=PT0.3S", "siyu.inbox.max-attempts=2"})
@DirtiesContext
class GrowthReversalIT {

    static final String QUEUE = "member-service.it.inbox";

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RabbitTemplate rabbit;

    long tenant;
    long store;
    HttpHeaders admin;

    @AfterAll
    static void removeQueues() {
        Rabbit.deleteInboxQueues(QUEUE);
    }

    @BeforeEach
    void onboard() {
        String code = "gr-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> created = http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of(
                "code", code, "name", "Mall " + code, "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")), Http.platform()), String.class);
        tenant = read(created).path("id").asLong();
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        store = read(http.exchange("/admin/v1/member/stores", HttpMethod.GET, new HttpEntity<>(admin), String.class)).get(0).path("id").asLong();
    }

    @Test
    void aRefundTakesBackTheGrowthAndSpendOfWhatWasRefundedOnce() {
        long member = read(post("/admin/v1/member/members", Map.of("phone", "13700000001"))).path("id").asLong();
        post("/internal/members/" + member + "/growth", Map.of("bizId", "CP1-1", "spendFen", 50_000, "storeId", store, "category", "food"));
        JsonNode before = member(member);
        assertThat(before.path("growth").asLong()).isEqualTo(500 + 10);

        String messageId = UUID.randomUUID().toString();
        publish(messageId, refunded("CP1-1", "RF1", member, 20_000, 5_000));
        assertThat(Rabbit.eventually(() -> processed(messageId))).isTrue();
        assertThat(member(member).path("growth").asLong()).isEqualTo(510 - 250);
        assertThat(jdbc.queryForObject("select spend_fen from growth_journal where tenant_id = ? and biz_id = 'CP1-1/RF1'", Long.class,
                tenant)).isEqualTo(-25_000);
        assertThat(jdbc.queryForObject("select total_spend_fen from member where id = ?", Long.class, member)).isEqualTo(25_000);

        // the same message again, and the same refund under another message id: nothing more comes off
        publish(messageId, refunded("CP1-1", "RF1", member, 20_000, 5_000));
        String again = UUID.randomUUID().toString();
        publish(again, refunded("CP1-1", "RF1", member, 20_000, 5_000));
        assertThat(Rabbit.eventually(() -> processed(again))).isTrue();
        assertThat(member(member).path("growth").asLong()).isEqualTo(260);
        assertThat(jdbc.queryForObject("select count(*) from growth_journal where tenant_id = ? and member_id = ?", Long.class, tenant, member))
                .isEqualTo(2);
    }

    @Test
    void refundsInPartsTakeBackExactlyThePurchasesGrowthFromTheMemberItWasRecordedOn() {
        long member = read(post("/admin/v1/member/members", Map.of("phone", "13700000003"))).path("id").asLong();
        post("/internal/members/" + member + "/growth", Map.of("bizId", "CP3-1", "spendFen", 300, "storeId", store));
        assertThat(member(member).path("growth").asLong()).isEqualTo(3 + 10);
        String first = UUID.randomUUID().toString();
        publish(first, refunded("CP3-1", "RF3A", member, 150, 0));
        assertThat(Rabbit.eventually(() -> processed(first))).isTrue();
        String second = UUID.randomUUID().toString();
        publish(second, refunded("CP3-1", "RF3B", member, 150, 0));
        assertThat(Rabbit.eventually(() -> processed(second))).isTrue();
        // ¥1.50 + ¥1.50: 1 then 2 growth back, the purchase's 3 in all (rounding each part alone would leave 1)
        assertThat(member(member).path("growth").asLong()).isEqualTo(10);
        // a refund of a purchase whose growth was never recorded takes nothing
        String unknown = UUID.randomUUID().toString();
        publish(unknown, refunded("CP-NEVER-1", "RF3C", member, 10_000, 0));
        assertThat(Rabbit.eventually(() -> processed(unknown))).isTrue();
        assertThat(member(member).path("growth").asLong()).isEqualTo(10);
    }

    @Test
    void aCounterPosRefundTakesBackGrowthOnceAndNeverCountsAnotherReceiptsRefunds() {
        long member = read(post("/admin/v1/member/members", Map.of("phone", "13700000004"))).path("id").asLong();
        // a long receipt number with an underscore: its key outgrows 64 characters and '_' is a LIKE wildcard
        String receipt = "R_" + "7".repeat(62);
        String lookalike = "RX" + "7".repeat(62);
        post("/internal/members/" + member + "/growth", Map.of("bizId", "pos:501:" + receipt, "spendFen", 300, "storeId", store));
        post("/internal/members/" + member + "/growth", Map.of("bizId", "pos:501:" + lookalike, "spendFen", 300, "storeId", store));
        // each purchase: 1 growth per yuan and 10 for the visit
        assertThat(member(member).path("growth").asLong()).isEqualTo(3 + 10 + 3 + 10);

        // ¥1.50 of the look-alike receipt comes back: 1 growth
        post("/internal/members/growth-reversals", Map.of("purchaseBizId", "pos:501:" + lookalike,
                "refundBizId", "pos-refund:501:RF-" + "9".repeat(60), "spendFen", 150, "storeId", store));
        assertThat(member(member).path("growth").asLong()).isEqualTo(25);
        // ¥0.50 of this receipt is below a point of growth on its own; counting the other receipt's ¥1.50 would take 1
        Map<String, Object> reversal = Map.of("purchaseBizId", "pos:501:" + receipt, "refundBizId", "pos-refund:501:RF-A",
                "spendFen", 50, "storeId", store);
        JsonNode first = read(post("/internal/members/growth-reversals", reversal));
        assertThat(first.path("applied").asBoolean()).isTrue();
        assertThat(member(member).path("growth").asLong()).isEqualTo(25);
        // the POS retries the same refund: applied once
        assertThat(read(post("/internal/members/growth-reversals", reversal)).path("applied").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("select total_spend_fen from member where id = ?", Long.class, member)).isEqualTo(600 - 150 - 50);
        ResponseEntity<String> headerOnly = http.exchange("/internal/members/growth-reversals", HttpMethod.POST,
                new HttpEntity<>(reversal, Http.write(admin)), String.class);
        assertThat(headerOnly.getStatusCode().value()).as("a staff token is not a service credential").isIn(401, 403);
    }

    @Test
    void anotherTenantsRefundNeverTouchesThisTenantsMember() {
        long member = read(post("/admin/v1/member/members", Map.of("phone", "13700000002"))).path("id").asLong();
        post("/internal/members/" + member + "/growth", Map.of("bizId", "CP2-1", "spendFen", 50_000, "storeId", store));
        long mine = tenant;
        tenant = tenant + 1_000_000_007L;
        String messageId = UUID.randomUUID().toString();
        publish(messageId, refunded("CP2-1", "RF2", member, 50_000, 0));
        tenant = mine;
        // that tenant has no such purchase: nothing is taken back here, whatever the member id says
        assertThat(Rabbit.eventually(() -> processed(messageId))).isTrue();
        assertThat(member(member).path("growth").asLong()).isEqualTo(510);
        assertThat(jdbc.queryForObject("select count(*) from growth_journal where biz_id like 'CP2-1/%'", Long.class)).isZero();
    }

    private Map<String, Object> refunded(String orderNo, String refundNo, long member, long cash, long points) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("refundNo", refundNo);
        data.put("orderNo", orderNo);
        data.put("memberId", member);
        data.put("storeId", store);
        data.put("category", "food");
        data.put("cashFen", cash);
        data.put("pointsFen", points);
        data.put("refundedAt", "2026-12-01T10:00:00Z");
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "PaymentRefunded", "tenantId", tenant, "data", data);
    }

    private void publish(String messageId, Object payload) {
        Rabbit.publish(rabbit, json, "payment-service", "PaymentRefunded", tenant, messageId, payload);
    }

    private boolean processed(String messageId) {
        return jdbc.queryForObject("select count(*) from inbox_message where message_id = ?", Integer.class, messageId) == 1;
    }

    private JsonNode member(long id) {
        return read(http.exchange("/admin/v1/member/members/" + id, HttpMethod.GET, new HttpEntity<>(admin), String.class));
    }

    private ResponseEntity<String> post(String path, Object body) {
        // /internal calls come from other services: a service token acting for the tenant
        HttpHeaders caller = path.startsWith("/internal/") ? Http.internal(tenant) : admin;
        ResponseEntity<String> response = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(caller)), String.class);
        assertThat(response.getStatusCode().value()).as(path + " " + response.getBody()).isBetween(200, 201);
        return response;
    }

    private JsonNode read(ResponseEntity<String> response) {
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError(response.getStatusCode() + " " + response.getBody(), e);
        }
    }
}
