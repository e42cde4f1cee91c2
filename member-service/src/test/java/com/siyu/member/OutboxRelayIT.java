package com.siyu.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.test.Http;
import com.siyu.common.test.Rabbit;
import com.siyu.common.test.ServiceIT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
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
 * common's outbox relay in a real service against the local RabbitMQ: an operator merge records
 * {@code MemberMerged} in the outbox and the relay publishes it to {@code siyu.events}; with the broker
 * unreachable the service keeps working and the row waits ({@link OutboxRelayBrokerDownIT}). Each of the
 * two contexts is closed after its class, so no ticking relay outlives its test against the shared
 * {@code siyu_member_it} schema (every other IT's relay waits an hour for its first tick; see ServiceIT).
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.outbox.initial-delay=PT0S", "siyu.outbox.interval=PT0.2S"})
@DirtiesContext
class OutboxRelayIT {

    static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AmqpAdmin admin;
    @Autowired
    RabbitTemplate rabbit;

    @Test
    void aMergeIsPublishedToSiyuEventsOnceTheBrokerConfirmedIt() throws Exception {
        admin.declareExchange(new TopicExchange("siyu.events", true, false));
        // not auto-delete (receive() consumes and cancels per call); the broker drops it a minute after use anyway
        Queue queue = new Queue("it.outbox." + UUID.randomUUID(), false, false, false, Map.of("x-expires", 60_000));
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange("siyu.events")).with("member-service.MemberMerged"));
        try {
            Merge merge = merge(http, json);
            // onboarding announced the tenant in the same transaction (points-service gives it its default earn rule)
            JsonNode onboarded = json.readTree(jdbc.queryForObject(
                    "select payload from outbox_event where tenant_id = ? and type = 'TenantOnboarded'", String.class, merge.tenant()));
            assertThat(onboarded.path("tenantId").asLong()).isEqualTo(merge.tenant());
            assertThat(onboarded.path("code").asText()).startsWith("ob-");
            Map<String, Object> row = jdbc.queryForMap(
                    "select event_id, payload from outbox_event where tenant_id = ? and type = 'MemberMerged'", merge.tenant());
            String eventId = (String) row.get("event_id");

            Message message = receive(queue.getName(), eventId);
            assertThat(message).as("MemberMerged %s on the queue", eventId).isNotNull();
            assertThat(message.getMessageProperties().getMessageId()).isEqualTo(eventId);
            assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("member-service.MemberMerged");
            assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
            assertThat(message.getMessageProperties().<Object>getHeader("tenantId")).isEqualTo(merge.tenant());
            assertThat(message.getMessageProperties().<Object>getHeader("type")).isEqualTo("MemberMerged");
            JsonNode payload = json.readTree(new String(message.getBody(), StandardCharsets.UTF_8));
            assertThat(payload.path("mergeId").asLong()).isEqualTo(merge.mergeId());
            assertThat(payload.path("survivorId").asLong()).isEqualTo(merge.survivor());
            assertThat(payload.path("mergedId").asLong()).isEqualTo(merge.merged());
            assertThat(payload.toString()).isEqualTo(json.readTree((String) row.get("payload")).toString());

            assertThat(Rabbit.eventually(() -> jdbc.queryForObject(
                    "select published_at is not null from outbox_event where event_id = ?", Boolean.class, eventId)))
                    .as("published_at set after the confirm").isTrue();
        } finally {
            admin.deleteQueue(queue.getName());
        }
    }

    @Test
    void anUnfinishedAtBranchHoldsLaterEventsBackButAnOrphanedOneDoesNot() throws Exception {
        String xid = "it-" + UUID.randomUUID();
        jdbc.update("insert into undo_log (branch_id, xid, context, rollback_info, log_status, log_created, log_modified)"
                + " values (?, ?, 'serializer=jackson', ?, 0, utc_timestamp(6), utc_timestamp(6))",
                System.nanoTime(), xid, new byte[] {'{', '}'});
        try {
            Merge merge = merge(http, json);
            String eventId = jdbc.queryForObject("select event_id from outbox_event where tenant_id = ? and type = 'MemberMerged'",
                    String.class, merge.tenant());
            Thread.sleep(3000);
            assertThat(jdbc.queryForObject("select published_at is null from outbox_event where event_id = ?", Boolean.class, eventId))
                    .as("held back while a branch that may have written it is unfinished").isTrue();

            // the branch's TC died in phase 2 long ago: its orphaned undo_log row must not stop events for good
            jdbc.update("update undo_log set log_created = utc_timestamp(6) - interval 10 minute where xid = ?", xid);
            assertThat(Rabbit.eventually(() -> jdbc.queryForObject(
                    "select published_at is not null from outbox_event where event_id = ?", Boolean.class, eventId)))
                    .as("published once the branch is older than any global transaction").isTrue();
        } finally {
            jdbc.update("delete from undo_log where xid = ?", xid);
        }
    }

    record Merge(long tenant, long survivor, long merged, long mergeId) {
    }

    /** A fresh tenant, two members and an operator merge between them (which records MemberMerged). */
    static Merge merge(TestRestTemplate http, ObjectMapper json) {
        String code = "ob-" + UUID.randomUUID().toString().substring(0, 8);
        long tenant = read(json, http.postForEntity("/internal/platform/tenants", new HttpEntity<>(Map.of(
                "code", code, "name", "Mall " + code,
                "stores", List.of(Map.of("code", "A", "name", "Store A")),
                "admin", Map.of("username", "admin", "displayName", "Admin", "password", "correct-horse-battery")),
                Http.platform()), String.class), 201).path("id").asLong();
        HttpHeaders admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        long survivor = member(http, json, admin, "13700000001");
        long merged = member(http, json, admin, "13700000002");
        long mergeId = read(json, http.exchange("/admin/v1/member/merges", HttpMethod.POST, new HttpEntity<>(
                Map.of("survivorId", survivor, "mergedId", merged, "reason", "same person"), Http.write(admin)),
                String.class), 201).path("id").asLong();
        return new Merge(tenant, survivor, merged, mergeId);
    }

    static long member(TestRestTemplate http, ObjectMapper json, HttpHeaders admin, String phone) {
        return read(json, http.exchange("/admin/v1/member/members", HttpMethod.POST,
                new HttpEntity<>(Map.of("phone", phone), Http.write(admin)), String.class), 201).path("id").asLong();
    }

    private static JsonNode read(ObjectMapper json, ResponseEntity<String> response, int status) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        try {
            return json.readTree(response.getBody());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    /** Other MemberMerged events waiting in the schema may come first; skip to ours. */
    private Message receive(String queue, String eventId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(queue, 1000);
            if (message != null && eventId.equals(message.getMessageProperties().getMessageId())) {
                return message;
            }
        }
        return null;
    }
}
