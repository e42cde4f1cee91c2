package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.ServiceIT;
import com.siyu.common.test.Rabbit;
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
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * MemberMerged / MemberUnmerged delivered through the real RabbitMQ as common's relay publishes them, consumed
 * by common's inbox: unused coupons and claim counts follow the merge, and go back on undo. Own queue, removed after.
 */
@ServiceIT
@TestPropertySource(properties = {"siyu.inbox.auto-startup=true", "siyu.inbox.queue=" + CouponMergeIT.QUEUE,
        "siyu.inbox.retry-delay=PT0.3S", "siyu.inbox.max-attempts=3"})
@DirtiesContext
class CouponMergeIT extends CouponIT {

    static final String QUEUE = "coupon-service.it.inbox";

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
    void unusedCouponsAndClaimCountsFollowTheMergeOnceAndGoBackOnUndo() {
        long survivor = 801;
        long merged = 802;
        long twoEach = activeTemplate(cash("two each", 500, 100, 2));
        long oneEach = activeTemplate(cash("one each", 800, 100, 1));
        long survivorOwn = couponId(claim(survivor, twoEach, null));
        long available = couponId(claim(merged, twoEach, null));
        long locked = couponId(claim(merged, twoEach, null));
        long used = couponId(claim(merged, oneEach, null));
        // an in-flight payment of the absorbed member holds one coupon; another one was used at a past payment
        jdbc.update("update coupon set status = 'LOCKED', lock_payment_id = 'pay-in-flight' where id = ?", locked);
        jdbc.update("update coupon set status = 'USED', used_payment_id = 'pay-past' where id = ?", used);
        String otherTenant = otherTenantWithTheSameMembers(survivor, merged);

        long mergeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String event = UUID.randomUUID().toString();
        publish("MemberMerged", event, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(event))).isTrue();

        assertThat(owner(available)).isEqualTo(survivor);
        assertThat(seq(available)).as("after the survivor's own claim").isEqualTo(2);
        assertThat(owner(locked)).as("locked by the absorbed member's payment: stays").isEqualTo(merged);
        assertThat(owner(used)).isEqualTo(merged);
        assertThat(owner(survivorOwn)).isEqualTo(survivor);
        assertThat(claimed(survivor, twoEach)).isEqualTo(3);
        assertThat(claimed(survivor, oneEach)).isEqualTo(1);
        assertThat(claimed(merged, twoEach)).as("the absorbed member's own count is kept for an undo").isEqualTo(2);
        assertThat(read(claim(survivor, twoEach, null)).path("code").asText()).isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(read(claim(survivor, oneEach, null)).path("code").asText()).isEqualTo("COUPON_LIMIT_REACHED");
        JsonNode wallet = fetch("/api/v1/coupon/wallet", com.siyu.common.test.Http.member(tenant, survivor));
        assertThat(wallet.toString()).contains("\"couponId\":" + available);

        String afterMerge = state();
        double duplicates = duplicates();
        for (int i = 0; i < 3; i++) {
            publish("MemberMerged", event, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        }
        assertThat(Rabbit.eventually(() -> duplicates() >= duplicates + 3)).isTrue();
        publish("MemberMerged", UUID.randomUUID().toString(), Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        sleep(500);
        assertThat(state()).isEqualTo(afterMerge);

        String undo = UUID.randomUUID().toString();
        publish("MemberUnmerged", undo, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(undo))).isTrue();
        assertThat(owner(available)).isEqualTo(merged);
        assertThat(seq(available)).isEqualTo(1);
        assertThat(claimed(survivor, twoEach)).isEqualTo(1);
        assertThat(claimed(survivor, oneEach)).isZero();
        assertThat(claim(survivor, oneEach, null).getStatusCode().value()).as("its own quota again").isEqualTo(201);
        assertThat(claim(survivor, twoEach, null).getStatusCode().value()).isEqualTo(201);

        assertThat(otherTenantState()).as("tenant B untouched").isEqualTo(otherTenant);
    }

    @Test
    void aCouponARefundRestoresAfterTheMergeGoesOnToTheSurvivorAndBackOnUndo() {
        long survivor = 821;
        long merged = 822;
        long template = activeTemplate(cash("two each", 500, 100, 2));
        long own = couponId(claim(survivor, template, null));
        long spent = couponId(claim(merged, template, null));
        // the absorbed member paid with it before the merge
        String payment = "pre-merge-" + UUID.randomUUID().toString().substring(0, 8);
        ResponseEntity<String> locked = http.exchange("/internal/coupon/payments/" + payment + "/lock", HttpMethod.POST, new HttpEntity<>(
                Map.of("memberId", merged, "couponIds", List.of(spent), "cart", Map.of("lines", List.of(Map.of("merchantId", 1, "amountFen",
                        10_000)), "usePoints", false)), internal()), String.class);
        assertThat(locked.getStatusCode().value()).as(locked.getBody()).isEqualTo(200);
        assertThat(http.exchange("/internal/coupon/payments/" + payment + "/redeem", HttpMethod.POST, new HttpEntity<>(Map.of(), internal()),
                String.class).getStatusCode().value()).isEqualTo(200);
        long mergeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String event = UUID.randomUUID().toString();
        publish("MemberMerged", event, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(event))).isTrue();
        assertThat(owner(spent)).as("used: stays with the absorbed member").isEqualTo(merged);

        // the pre-merge payment is refunded: the coupon comes back, to the person, i.e. the survivor
        assertThat(http.exchange("/internal/coupon/payments/" + payment + "/restore", HttpMethod.POST, new HttpEntity<>(Map.of(), internal()),
                String.class).getStatusCode().value()).isEqualTo(200);
        assertThat(owner(spent)).isEqualTo(survivor);
        assertThat(couponStatus(spent)).isEqualTo("AVAILABLE");
        assertThat(seq(spent)).as("the sequence the merge counted for it").isEqualTo(2);
        assertThat(seq(own)).isEqualTo(1);
        assertThat(claimed(survivor, template)).isEqualTo(2);

        String undo = UUID.randomUUID().toString();
        publish("MemberUnmerged", undo, Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));
        assertThat(Rabbit.eventually(() -> processed(undo))).isTrue();
        assertThat(owner(spent)).isEqualTo(merged);
        assertThat(seq(spent)).isEqualTo(1);
    }

    @Test
    void aCouponTheSurvivorUsedAfterTheMergeStaysAndItsSequenceIsNeverReused() {
        long survivor = 811;
        long merged = 812;
        long template = activeTemplate(cash("three each", 500, 100, 3));
        couponId(claim(survivor, template, null));
        long first = couponId(claim(merged, template, null));
        long second = couponId(claim(merged, template, null));
        long mergeId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        JsonNode payload = json.valueToTree(Map.of("mergeId", mergeId, "survivorId", survivor, "mergedId", merged));

        // eight deliveries of one message racing each other: applied once
        List<Inbox.Outcome> outcomes = race(8, UUID.randomUUID().toString(), "member-service.MemberMerged", payload);
        assertThat(outcomes).containsOnlyOnce(Inbox.Outcome.APPLIED).filteredOn(Inbox.Outcome.DUPLICATE::equals).hasSize(7);
        assertThat(claimed(survivor, template)).isEqualTo(3);
        assertThat(List.of(owner(first), owner(second))).containsOnly(survivor);

        // the survivor uses the coupon that came over as its seq 3
        long usedAfterMerge = seq(first) == 3 ? first : second;
        jdbc.update("update coupon set status = 'USED', used_payment_id = 'pay-after' where id = ?", usedAfterMerge);
        race(3, UUID.randomUUID().toString(), "member-service.MemberUnmerged", payload);
        assertThat(owner(usedAfterMerge)).isEqualTo(survivor);
        long returned = usedAfterMerge == first ? second : first;
        assertThat(owner(returned)).isEqualTo(merged);
        assertThat(claimed(survivor, template)).as("not below the seq it still holds").isEqualTo(3);
        assertThat(claim(survivor, template, null).getStatusCode().value()).isNotEqualTo(500);
    }

    private List<Inbox.Outcome> race(int threads, String messageId, String key, JsonNode payload) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Inbox.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return inbox.process(new ReceivedEvent(messageId, tenant, key, payload, 1));
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        List<Inbox.Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Inbox.Outcome> future : futures) {
                outcomes.add(future.get());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdown();
        }
        System.out.printf("CouponMergeIT: %d concurrent deliveries of %s took %d ms%n", threads, key, (System.nanoTime() - began) / 1_000_000);
        return outcomes;
    }

    private long otherTenantId;

    private String otherTenantWithTheSameMembers(long survivor, long merged) {
        long tenantA = tenant;
        var operatorA = operator;
        freshTenant();
        otherTenantId = tenant;
        long template = activeTemplate(cash("b", 100, 10, 5));
        couponId(claim(survivor, template, null));
        couponId(claim(merged, template, null));
        String state = otherTenantState();
        tenant = tenantA;
        operator = operatorA;
        return state;
    }

    private String otherTenantState() {
        return jdbc.queryForList("select id, member_id, seq, status from coupon where tenant_id = ? order by id", otherTenantId)
                + " " + jdbc.queryForList("select member_id, claimed from coupon_member_quota where tenant_id = ? order by id", otherTenantId);
    }

    private String state() {
        return jdbc.queryForList("select id, member_id, seq, status from coupon where tenant_id = ? order by id", tenant)
                + " " + jdbc.queryForList("select member_id, template_id, claimed from coupon_member_quota where tenant_id = ? order by id", tenant);
    }

    private long couponId(ResponseEntity<String> claimed) {
        assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(201);
        return read(claimed).path("id").asLong();
    }

    private long owner(long couponId) {
        return jdbc.queryForObject("select member_id from coupon where id = ?", Long.class, couponId);
    }

    private int seq(long couponId) {
        return jdbc.queryForObject("select seq from coupon where id = ?", Integer.class, couponId);
    }

    private int claimed(long member, long template) {
        return jdbc.queryForObject("select claimed from coupon_member_quota where tenant_id = ? and member_id = ? and template_id = ?",
                Integer.class, tenant, member, template);
    }

    private void publish(String type, String messageId, Map<String, Object> payload) {
        Rabbit.publish(rabbit, json, "member-service", type, tenant, messageId, payload);
    }

    private boolean processed(String messageId) {
        return jdbc.queryForObject("select count(*) from inbox_message where message_id = ?", Integer.class, messageId) == 1;
    }

    private double duplicates() {
        return meters.find("siyu.inbox.messages").tag("outcome", "duplicate").counters().stream().mapToDouble(Counter::count).sum();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
