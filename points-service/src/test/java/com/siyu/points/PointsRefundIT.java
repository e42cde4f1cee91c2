package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.test.ServiceIT;
import com.siyu.points.merge.domain.AccountMerges;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.http.ResponseEntity;

/** Refunds in points: spent points go back to their lots (and stores), earned points are reversed — one call, real MariaDB. */
@ServiceIT
class PointsRefundIT extends PointsApi {

    static final long STORE_A = 101;
    static final long STORE_B = 202;
    static final long STORE_C = 303;

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void refundsGiveSpentPointsBackToTheirLotsAndUndoTheSettlementLineInParts() {
        rate(1000);
        long member = 61;
        ok(earn(member, id("pay"), 10_000, STORE_A, null));
        ok(earn(member, id("pay"), 10_000, STORE_B, null));
        String payment = id("pay");
        ok(reserve(member, 150, payment, STORE_C));
        ok(post("/internal/points/reservations/" + payment + "/confirm", null, service));
        assertThat(balance(member)).isEqualTo(50);

        String first = id("ref");
        JsonNode part = ok(refund(member, first, payment, 60, null, 0));
        assertThat(part.path("returned").asLong()).isEqualTo(60);
        assertThat(part.path("balanceAfter").asLong()).isEqualTo(110);
        // the spend took 100 from A's lot then 50 from B's: the first 60 go back to A's
        assertThat(account(member).path("lots").findValues("remaining").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(60L, 50L);
        // repeated: the same answer, nothing moves again
        assertThat(ok(refund(member, first, payment, 60, null, 0)).path("returned").asLong()).isEqualTo(60);
        assertThat(balance(member)).isEqualTo(110);

        JsonNode tooMuch = read(refund(member, id("ref"), payment, 91, null, 0));
        assertThat(tooMuch.path("code").asText()).isEqualTo("POINTS_RETURN_EXCEEDS_SPENT");
        ok(refund(member, id("ref"), payment, 90, null, 0));
        assertThat(balance(member)).isEqualTo(200);
        assertThat(account(member).path("lots").findValues("remaining").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(100L, 100L);
        // store C consumed 150 and gave them all back: nothing is owed between the stores any more
        Long netAtC = jdbc.queryForObject("select sum(points) from points_lot_movement where tenant_id = ? and consuming_store_id = ?",
                Long.class, tenant, STORE_C);
        assertThat(netAtC).isZero();
        assertThat(jdbc.queryForObject("select count(*) from points_lot_movement where tenant_id = ? and kind = 'REFUND'", Long.class, tenant))
                .isEqualTo(3);
        assertReconciled();
    }

    @Test
    void oneCallReturnsSpentPointsAndReversesWhatTheOrderEarned() {
        rate(1000);
        long member = 62;
        ok(earn(member, id("pay"), 50_000, STORE_A, null));
        String payment = id("pay");
        ok(reserve(member, 200, payment, STORE_B));
        ok(post("/internal/points/reservations/" + payment + "/confirm", null, service));
        String order = payment + "-1";
        ok(earn(member, order, 40_000, STORE_B, null));
        assertThat(balance(member)).isEqualTo(500 - 200 + 400);

        JsonNode half = ok(refund(member, id("ref"), payment, 100, order, 20_000));
        assertThat(half.path("returned").asLong()).isEqualTo(100);
        assertThat(half.path("reversed").asLong()).isEqualTo(200);
        assertThat(half.path("balanceAfter").asLong()).isEqualTo(700 + 100 - 200);
        assertReconciled();

        // a refund id that fails in its second part leaves the first part undone too (one local transaction)
        String before = ledgerState();
        ResponseEntity<String> over = refund(member, id("ref"), payment, 100, order, 20_001);
        assertThat(read(over).path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(ledgerState()).isEqualTo(before);
        // an order that earned nothing has nothing to reverse; the spent points still go back
        JsonNode none = ok(refund(member, id("ref"), payment, 100, payment + "-9", 5_000));
        assertThat(none.path("returned").asLong()).isEqualTo(100);
        assertThat(none.path("reversed").asLong()).isZero();
        assertReconciled();
    }

    @Test
    void concurrentRefundsOfOnePaymentNeverReturnMoreThanItSpent() throws Exception {
        rate(1000);
        long member = 63;
        ok(earn(member, id("pay"), 30_000, STORE_A, null));
        String payment = id("pay");
        ok(reserve(member, 150, payment, STORE_B));
        ok(post("/internal/points/reservations/" + payment + "/confirm", null, service));

        ExecutorService pool = Executors.newFixedThreadPool(12);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String refundId = id("ref");
            calls.add(() -> refund(member, refundId, payment, 20, null, 0).getStatusCode().value());
        }
        long t0 = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        System.out.printf("24 concurrent refunds of one payment: %d ms%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(7);
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        assertThat(balance(member)).isEqualTo(300 - 150 + 140);
        assertThat(jdbc.queryForObject("select returned_points from points_reservation where tenant_id = ? and biz_id = ?", Long.class,
                tenant, payment)).isEqualTo(140);
        assertReconciled();
    }

    @Test
    void onlyConfirmedSpendsOfTheSameMemberAndTenantCanBeReturned() {
        rate(1000);
        long member = 64;
        ok(earn(member, id("pay"), 30_000, STORE_A, null));
        String held = id("pay");
        ok(reserve(member, 100, held, STORE_B));
        assertThat(read(refund(member, id("ref"), held, 10, null, 0)).path("code").asText()).isEqualTo("RESERVATION_HELD");
        ok(post("/internal/points/reservations/" + held + "/confirm", null, service));
        assertThat(refund(member + 1, id("ref"), held, 10, null, 0).getStatusCode().value()).isEqualTo(404);
        long mine = tenant;
        tenant = tenant + 1;
        service = com.siyu.common.test.Http.internal(tenant);
        assertThat(refund(member, id("ref"), held, 10, null, 0).getStatusCode().value()).isEqualTo(404);
        tenant = mine;
        service = com.siyu.common.test.Http.internal(tenant);
        assertThat(balance(member)).isEqualTo(200);
        ResponseEntity<String> bad = post("/internal/points/refunds", map("memberId", member, "bizId", "has spaces", "returnPoints", -1,
                "refundFen", 5), service);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).contains("bizId", "returnPoints");
        assertReconciled();
    }

    @Autowired
    AccountMerges merges;
    @Autowired
    TransactionTemplate tx;

    @Test
    void aRefundOfAPaymentMadeBeforeAMergeEndsUpWithTheSurvivor() {
        rate(1000);
        long absorbed = 71;
        long survivor = 72;
        ok(earn(absorbed, id("pay"), 100_000, STORE_A, null));
        String payment = id("pay");
        ok(reserve(absorbed, 300, payment, STORE_B));
        ok(post("/internal/points/reservations/" + payment + "/confirm", null, service));
        String order = payment + "-1";
        ok(earn(absorbed, order, 20_000, STORE_B, null));
        assertThat(balance(absorbed)).isEqualTo(1000 - 300 + 200);
        ok(earn(survivor, id("pay"), 5_000, STORE_A, null));

        // member-service merged the two; the absorbed member's 900 points moved to the survivor
        long mergeId = java.util.concurrent.ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
        CallerContext.runAs(Caller.system(tenant), () -> tx.executeWithoutResult(status -> merges.merge(mergeId, survivor, absorbed)));
        assertThat(balance(absorbed)).isZero();
        assertThat(balance(survivor)).isEqualTo(50 + 900);

        // the whole pre-merge payment is refunded: 300 spent come back, the order's 200 earned are taken back
        JsonNode refunded = ok(refund(absorbed, id("ref"), payment, 300, order, 20_000));
        assertThat(refunded.path("returned").asLong()).isEqualTo(300);
        assertThat(refunded.path("reversed").asLong()).isEqualTo(200);
        // the shopper (now the survivor) is where they were before paying: 1000 + their own 50
        assertThat(balance(absorbed)).isZero();
        assertThat(balance(survivor) - account(survivor).path("debt").asLong()).isEqualTo(1050);
        assertReconciled();

        // undoing the merge gives back what was forwarded too
        CallerContext.runAs(Caller.system(tenant), () -> tx.executeWithoutResult(status -> merges.unmerge(mergeId, survivor, absorbed)));
        assertThat(balance(survivor) - account(survivor).path("debt").asLong()).isEqualTo(50);
        assertThat(balance(absorbed) - account(absorbed).path("debt").asLong()).isEqualTo(1000);
        assertReconciled();
    }

    @Test
    void otherServicesReadTheTenantsRedeemRate() {
        assertThat(getJson("/internal/points/policy", service).path("redeemPointsPerYuan").asInt()).isEqualTo(100);
        policy("redeemPointsPerYuan", 250);
        assertThat(getJson("/internal/points/policy", service).path("redeemPointsPerYuan").asInt()).isEqualTo(250);
        assertThat(getJson("/internal/points/policy", com.siyu.common.test.Http.internal(tenant + 1)).path("redeemPointsPerYuan").asInt())
                .as("another tenant keeps the default").isEqualTo(100);
    }

    private ResponseEntity<String> refund(long member, String bizId, String payment, long points, String earnBizId, long refundFen) {
        return post("/internal/points/refunds", map("memberId", member, "bizId", bizId, "paymentBizId", payment, "returnPoints", points,
                "earnBizId", earnBizId, "refundFen", refundFen), service);
    }
}
