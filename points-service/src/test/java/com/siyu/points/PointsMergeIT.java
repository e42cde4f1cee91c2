package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Rabbit;
import com.siyu.common.test.ServiceIT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * MemberMerged / MemberUnmerged from member-service, delivered through the real RabbitMQ as common's relay
 * publishes them (exchange siyu.events, routing key member-service.&lt;type&gt;, message id, tenantId and type
 * headers), consumed by common's inbox into the real MariaDB. Its own queue, removed after the class.
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.inbox.auto-startup=true", "siyu.inbox.queue=" + PointsMergeIT.QUEUE,
        "siyu.inbox.retry-delay=PT0.3S", "siyu.inbox.max-attempts=3", "siyu.inbox.concurrency=2"})
@DirtiesContext
class PointsMergeIT extends PointsApi {

    static final String QUEUE = "points-service.it.inbox";
    static final long STORE_A = 101;
    static final long STORE_B = 202;

    @Autowired
    RabbitTemplate rabbit;
    @Autowired
    Inbox inbox;
    @Autowired
    MeterRegistry meters;

    @AfterAll
    static void removeQueues() {
        Rabbit.deleteInboxQueues(QUEUE);
    }

    @Test
    void aMergeMovesBalanceDebtAndLotsToTheSurvivorOnceAndItsUndoMovesBackWhatIsLeft() throws Exception {
        policy("expiryMonths", 12);
        rate(1000);
        long survivor = 501;
        long merged = 502;
        ok(earn(survivor, PointsLotsIT.id("pay"), 10_000, STORE_B, "2026-03-01T02:00:00Z"));      // 100, expires later
        ok(earn(merged, PointsLotsIT.id("pay"), 30_000, STORE_A, "2026-01-15T02:00:00Z"));        // 300, expires first
        ok(earn(merged, PointsLotsIT.id("pay"), 20_000, STORE_B, "2026-02-15T02:00:00Z"));        // 200
        ok(spend(merged, 50, PointsLotsIT.id("pay"), STORE_B));                                    // from the A lot: 250 left
        String held = PointsLotsIT.id("pay");
        ok(reserve(merged, 20, held, STORE_A));                                                    // A lot: 230 left, 20 held
        JsonNode before = account(merged);
        long mergedBalance = before.path("balance").asLong();
        long mergedDebt = before.path("debt").asLong();
        assertThat(mergedBalance).isEqualTo(430);
        List<Map<String, Object>> openBefore = jdbc.queryForList("select issuing_store_id, expires_on, remaining from points_lot"
                + " where tenant_id = ? and member_id = ? and remaining > 0", tenant, merged);
        String otherTenantState = otherTenantWithTheSameMembers(survivor, merged);

        long mergeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String mergedEvent = UUID.randomUUID().toString();
        publish("MemberMerged", tenant, mergedEvent, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(mergedEvent))).as("MemberMerged consumed").isTrue();

        JsonNode survivorAccount = account(survivor);
        assertThat(survivorAccount.path("balance").asLong()).isEqualTo(100 + mergedBalance);
        assertThat(survivorAccount.path("debt").asLong()).isEqualTo(mergedDebt);
        assertThat(account(merged).path("balance").asLong()).isZero();
        assertThat(account(merged).path("debt").asLong()).isZero();
        // the moved lots keep issuing store and expiry
        long mergeIn = change("MERGE_IN", "merge-" + mergeId).path("entry").path("id").asLong();
        List<Map<String, Object>> moved = jdbc.queryForList("select issuing_store_id, expires_on, remaining from points_lot"
                + " where tenant_id = ? and member_id = ? and journal_id = ?", tenant, survivor, mergeIn);
        assertThat(moved).hasSize(2).containsExactlyInAnyOrderElementsOf(openBefore);
        assertThat(jdbc.queryForObject("select coalesce(sum(remaining), 0) from points_lot where tenant_id = ? and member_id = ?",
                Long.class, tenant, merged)).isZero();
        assertThat(change("MERGE_OUT", "merge-" + mergeId).path("entry").path("delta").asLong()).isEqualTo(-mergedBalance);
        assertThat(change("MERGE_IN", "merge-" + mergeId).path("entry").path("delta").asLong()).isEqualTo(mergedBalance);
        // the held reservation stays with the absorbed member and still confirms against it
        assertThat(ok(post("/internal/points/reservations/" + held + "/confirm", null, service)).path("memberId").asLong()).isEqualTo(merged);
        assertReconciled();

        // redelivered, sequentially and racing itself: applied once
        String afterMerge = ledgerState();
        double duplicates = duplicates();
        for (int i = 0; i < 3; i++) {
            publish("MemberMerged", tenant, mergedEvent, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        }
        assertThat(Rabbit.eventually(() -> duplicates() >= duplicates + 3)).as("three redeliveries acknowledged as duplicates").isTrue();
        assertThat(ledgerState()).isEqualTo(afterMerge);
        // the same merge under another message id (member-service never does that, but nothing relies on it)
        publish("MemberMerged", tenant, UUID.randomUUID().toString(), Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        Thread.sleep(500);
        assertThat(ledgerState()).isEqualTo(afterMerge);

        // the survivor spends from the moved lots (they expire first), then the merge is undone
        ok(spend(survivor, 300, PointsLotsIT.id("pay"), STORE_B));
        String unmergedEvent = UUID.randomUUID().toString();
        publish("MemberUnmerged", tenant, unmergedEvent, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(unmergedEvent))).as("MemberUnmerged consumed").isTrue();
        long returned = jdbc.queryForObject("select returned_points from points_merge where tenant_id = ? and merge_id = ?",
                Long.class, tenant, mergeId);
        // 300 were spent soonest-expiry first: all from lots that came over, none from the survivor's own 100
        assertThat(returned).isEqualTo(mergedBalance - 300);
        assertThat(balance(merged)).isEqualTo(mergedBalance - 300);
        assertThat(balance(survivor)).isEqualTo(100);
        assertThat(account(survivor).path("debt").asLong()).isZero();
        assertThat(account(merged).path("debt").asLong()).isEqualTo(mergedDebt);
        assertReconciled();
        String afterUndo = ledgerState();
        publish("MemberUnmerged", tenant, unmergedEvent, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        publish("MemberUnmerged", tenant, UUID.randomUUID().toString(), Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        Thread.sleep(500);
        assertThat(ledgerState()).isEqualTo(afterUndo);

        assertThat(otherTenantState(survivor, merged)).as("tenant B untouched by tenant A's events").isEqualTo(otherTenantState);
    }

    @Test
    void concurrentDeliveriesOfOneMergeApplyItOnce() throws Exception {
        policy();
        rate(1000);
        long survivor = 601;
        long merged = 602;
        ok(earn(merged, PointsLotsIT.id("pay"), 77_000, STORE_A, "2026-02-01T02:00:00Z"));
        long mergeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String messageId = UUID.randomUUID().toString();
        JsonNode payload = json.valueToTree(Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Inbox.Outcome>> outcomes = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            outcomes.add(pool.submit(() -> {
                start.await();
                return inbox.process(new ReceivedEvent(messageId, tenant, "member-service.MemberMerged", payload, 1));
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Inbox.Outcome> results = new ArrayList<>();
        for (Future<Inbox.Outcome> outcome : outcomes) {
            results.add(outcome.get());
        }
        long tookMs = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        System.out.printf("PointsMergeIT: %d concurrent deliveries of one MemberMerged took %d ms%n", threads, tookMs);
        assertThat(results).containsOnlyOnce(Inbox.Outcome.APPLIED).filteredOn(Inbox.Outcome.DUPLICATE::equals).hasSize(threads - 1);
        assertThat(balance(survivor)).isEqualTo(770);
        assertThat(balance(merged)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ? and biz_id = ?", Integer.class,
                tenant, "merge-" + mergeId)).isEqualTo(2);

        // and through the broker: the same message published from four threads at once
        long mergeId2 = mergeId + 1;
        long third = 603;
        // the absorbed member owes points: earned 50, spent them, then the payment was refunded
        String refunded = PointsLotsIT.id("pay");
        ok(earn(third, refunded, 5_000, STORE_B, "2026-02-01T02:00:00Z"));
        ok(spend(third, 50, PointsLotsIT.id("pay"), STORE_B));
        ok(post("/internal/points/reversals", map("memberId", third, "bizId", PointsLotsIT.id("ref"), "earnBizId", refunded,
                "refundFen", 5_000), service));
        assertThat(account(third).path("debt").asLong()).isEqualTo(50);
        String messageId2 = UUID.randomUUID().toString();
        double duplicates = duplicates();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        long began2 = System.nanoTime();
        for (int i = 0; i < 4; i++) {
            publishers.submit(() -> {
                go.await();
                publish("MemberMerged", tenant, messageId2, Map.of("mergeId", mergeId2, "survivorId", survivor, "mergedId", third));
                return null;
            });
        }
        go.countDown();
        assertThat(Rabbit.eventually(() -> processed(messageId2) && duplicates() >= duplicates + 3)).isTrue();
        System.out.printf("PointsMergeIT: 4 concurrent broker deliveries of one MemberMerged consumed in %d ms%n",
                (System.nanoTime() - began2) / 1_000_000);
        publishers.shutdown();
        assertThat(balance(survivor)).isEqualTo(770);
        assertThat(account(survivor).path("debt").asLong()).isEqualTo(50);
        assertThat(account(third).path("debt").asLong()).isZero();
        assertReconciled();
    }

    @Test
    void anUndoThatOvertakesItsMergeWinsAFailureIsRetriedThenDeadLetteredAndAMalformedEventAtOnce() {
        rate(1000);
        long survivor = 891;
        long merged = 892;
        ok(earn(merged, "ovt-" + UUID.randomUUID().toString().substring(0, 8), 30_000, STORE_A, null));
        long mergeId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        // the undo arrives first (the merge's delivery is being retried): it is recorded, and the late merge changes nothing
        String undo = UUID.randomUUID().toString();
        publish("MemberUnmerged", tenant, undo, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(undo))).isTrue();
        String late = UUID.randomUUID().toString();
        publish("MemberMerged", tenant, late, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(late))).isTrue();
        assertThat(balance(merged)).isEqualTo(300);
        assertThat(balance(survivor)).isZero();
        assertReconciled();

        // a failure that does not go away (a member merged into itself) is retried, then dead-lettered
        String orphan = UUID.randomUUID().toString();
        publish("MemberMerged", tenant, orphan, Map.of("mergeId", 42, "survivorId", 5, "mergedId", 5));
        Message dead = deadLetter(orphan);
        assertThat(dead).as("dead-lettered after the attempts").isNotNull();
        assertThat(((Number) dead.getMessageProperties().getHeader("x-siyu-attempts")).intValue()).isEqualTo(3);
        assertThat(dead.getMessageProperties().<String>getHeader("x-siyu-error")).contains("IllegalArgumentException");
        assertThat(processed(orphan)).isFalse();

        String malformed = UUID.randomUUID().toString();
        publish("MemberMerged", tenant, malformed, Map.of("mergeId", 43));
        Message deadAtOnce = deadLetter(malformed);
        assertThat(deadAtOnce).isNotNull();
        assertThat(((Number) deadAtOnce.getMessageProperties().getHeader("x-siyu-attempts")).intValue()).isEqualTo(1);
    }

    private String otherTenantWithTheSameMembers(long survivor, long merged) {
        long tenantA = tenant;
        HttpHeaders operatorA = operator;
        HttpHeaders serviceA = service;
        freshTenant();
        long tenantB = tenant;
        rate(1000);
        ok(earn(survivor, PointsLotsIT.id("pay"), 12_300, STORE_A, "2026-02-01T02:00:00Z"));
        ok(earn(merged, PointsLotsIT.id("pay"), 45_600, STORE_A, "2026-02-01T02:00:00Z"));
        otherTenant = tenantB;
        String state = otherTenantState(survivor, merged);
        assertThat(state).contains("balance=123", "balance=456");
        tenant = tenantA;
        operator = operatorA;
        service = serviceA;
        return state;
    }

    @Test
    void aNewTenantEarnsOnePointPerYuanFromItsOnboardingEventOnceAndAnOperatorsOwnRulesAreKept() throws Exception {
        String onboarded = UUID.randomUUID().toString();
        publish("TenantOnboarded", tenant, onboarded, Map.of("tenantId", tenant, "code", "mall" + tenant));
        assertThat(Rabbit.eventually(() -> processed(onboarded))).as("TenantOnboarded consumed").isTrue();
        publish("TenantOnboarded", tenant, onboarded, Map.of("tenantId", tenant, "code", "mall" + tenant));   // redelivered
        String again = UUID.randomUUID().toString();                                                          // or sent twice
        publish("TenantOnboarded", tenant, again, Map.of("tenantId", tenant, "code", "mall" + tenant));
        assertThat(Rabbit.eventually(() -> processed(again))).isTrue();

        JsonNode rules = getJson("/admin/v1/points/earn-rules", operator);
        assertThat(rules).hasSize(1);
        assertThat(rules.get(0).path("kind").asText()).isEqualTo("RATE");
        assertThat(rules.get(0).path("rateMilli").asInt()).isEqualTo(1000);
        assertThat(rules.get(0).hasNonNull("storeId")).isFalse();
        assertThat(ok(earn(601, PointsLotsIT.id("pay"), 12_345, STORE_A, "2026-03-01T02:00:00Z")).path("points").asLong())
                .isEqualTo(123);

        // a tenant whose operator configured rules before the event arrived keeps exactly those
        long configured = tenant + 1;
        HttpHeaders configuredOperator = com.siyu.common.test.Http.staff(configured, 7, "OPERATOR");
        ok(post("/admin/v1/points/earn-rules", map("kind", "RATE", "name", "ours", "rateMilli", 2500),
                com.siyu.common.test.Http.write(configuredOperator)));
        String late = UUID.randomUUID().toString();
        publish("TenantOnboarded", configured, late, Map.of("tenantId", configured, "code", "mall" + configured));
        assertThat(Rabbit.eventually(() -> processed(late))).isTrue();
        JsonNode kept = getJson("/admin/v1/points/earn-rules", configuredOperator);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).path("name").asText()).isEqualTo("ours");
    }

    private long otherTenant;

    private String otherTenantState(long survivor, long merged) {
        return jdbc.queryForList("select member_id, balance, debt from points_account where tenant_id = ? order by member_id", otherTenant)
                + " " + jdbc.queryForList("select member_id, remaining from points_lot where tenant_id = ? order by id", otherTenant)
                + " " + jdbc.queryForList("select biz_type from points_journal where tenant_id = ? order by id", otherTenant);
    }

    private void publish(String type, long tenantId, String messageId, Map<String, Object> payload) {
        Rabbit.publish(rabbit, json, "member-service", type, tenantId, messageId, payload);
    }

    private boolean processed(String messageId) {
        return jdbc.queryForObject("select count(*) from inbox_message where message_id = ?", Integer.class, messageId) == 1;
    }

    private double duplicates() {
        return meters.find("siyu.inbox.messages").tag("outcome", "duplicate").counters().stream().mapToDouble(Counter::count).sum();
    }

    private Message deadLetter(String messageId) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            Message message = rabbit.receive(QUEUE + ".dlq", 500);
            if (message != null && messageId.equals(message.getMessageProperties().getMessageId())) {
                return message;
            }
        }
        return null;
    }
}
