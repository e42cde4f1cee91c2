package com.siyu.points;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** Lots, FIFO consumption across stores, settlement, reservations, earn/refund, expiry, parking — real MariaDB. */
@ServiceIT
class PointsLotsIT extends PointsApi {

    static final long STORE_A = 101;
    static final long STORE_B = 202;
    static final long STORE_C = 303;

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 13);
    }

    @Test
    void spendsConsumeTheSoonestExpiringLotsFirstAndRecordWhichStorePays() {
        policy("expiryMonths", 12);
        rate(1000);
        long member = 11;
        // earned at A in January (expires sooner), at B in March, at C in February
        ok(earn(member, id("pay"), 30_000, STORE_A, "2026-01-15T02:00:00Z"));
        ok(earn(member, id("pay"), 50_000, STORE_B, "2026-03-15T02:00:00Z"));
        ok(earn(member, id("pay"), 20_000, STORE_C, "2026-02-15T02:00:00Z"));
        assertThat(balance(member)).isEqualTo(1000);

        String spend = id("pay");
        JsonNode spent = ok(spend(member, 420, spend, STORE_B));
        assertThat(spent.path("balanceAfter").asLong()).isEqualTo(580);
        JsonNode movements = change("PAYMENT_SPEND", spend).path("movements");
        assertThat(movements.findValues("issuingStoreId").stream().map(JsonNode::asLong).toList()).containsExactly(STORE_A, STORE_C);
        assertThat(movements.findValues("points").stream().map(JsonNode::asLong).toList()).containsExactly(300L, 120L);
        assertThat(movements.findValues("consumingStoreId").stream().map(JsonNode::asLong).distinct().toList()).containsExactly(STORE_B);
        assertThat(account(member).path("lots").findValues("remaining").stream().map(JsonNode::asLong).toList())
                .containsExactlyInAnyOrder(0L, 80L, 500L);

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String period = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        JsonNode a = getJson("/admin/v1/points/settlement?storeId=" + STORE_A + period, operator);
        assertThat(a.path("consumedElsewhere").asLong()).isEqualTo(300);
        assertThat(a.path("pointsIssued").asLong()).isEqualTo(300);
        assertThat(a.path("counterparts").get(0).path("storeId").asLong()).isEqualTo(STORE_B);
        assertThat(a.path("counterparts").get(0).path("owedByUsPoints").asLong()).isEqualTo(300);
        assertThat(a.path("counterparts").get(0).path("netFen").asLong()).isEqualTo(-300);
        JsonNode b = getJson("/admin/v1/points/settlement?storeId=" + STORE_B + period, operator);
        assertThat(b.path("consumedInOwnStore").asLong()).isZero();
        assertThat(b.path("consumedHereFromElsewhere").asLong()).isEqualTo(420);
        assertThat(b.path("counterparts").findValues("storeId").stream().map(JsonNode::asLong).toList()).containsExactly(STORE_A, STORE_C);
        assertThat(b.path("counterparts").findValues("netPoints").stream().map(JsonNode::asLong).toList()).containsExactly(300L, 120L);
        assertThat(b.path("counterparts").findValues("netFen").stream().map(JsonNode::asLong).toList()).containsExactly(300L, 120L);
        assertReconciled();
    }

    @Test
    void twoHundredConcurrentSpendsAcrossLotsNeverOverdraw() throws Exception {
        rate(1000);
        long member = 21;
        ok(earn(member, id("pay"), 40_000, STORE_A, null));
        ok(earn(member, id("pay"), 35_000, STORE_B, null));
        ok(earn(member, id("pay"), 25_000, STORE_C, null));
        int spends = 200;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (int i = 0; i < spends; i++) {
            String bizId = id("pay");
            long store = i % 2 == 0 ? STORE_A : STORE_C;
            results.add(pool.submit(() -> {
                start.await();
                return spend(member, 7, bizId, store);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        int ok = 0;
        for (Future<ResponseEntity<String>> result : results) {
            ResponseEntity<String> response = result.get();
            if (response.getStatusCode().value() == 200) {
                ok++;
            } else {
                assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
                assertThat(read(response).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");
            }
        }
        long millis = (System.nanoTime() - began) / 1_000_000;
        pool.shutdown();
        System.out.printf("[measure] 200 concurrent spends over 3 lots: %d ms, %.0f requests/s, %d succeeded%n",
                millis, spends * 1000.0 / Math.max(1, millis), ok);
        assertThat(ok).isEqualTo(1000 / 7);
        assertThat(balance(member)).isEqualTo(1000 % 7);
        Long moved = jdbc.queryForObject("select sum(points) from points_lot_movement where tenant_id = ? and member_id = ?", Long.class, tenant, member);
        assertThat(moved).isEqualTo(1000 / 7 * 7L);
        assertReconciled();
    }

    @Test
    void theSameEarnDeliveredManyTimesAppliesOnce() throws Exception {
        rate(1000);
        long member = 31;
        String payment = id("pay");
        JsonNode first = ok(earn(member, payment, 12_300, STORE_A, null));
        JsonNode again = ok(earn(member, payment, 12_300, STORE_A, null));
        assertThat(first.path("points").asLong()).isEqualTo(123);
        assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());

        String racing = id("pay");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<ResponseEntity<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return earn(member, racing, 10_000, STORE_B, null);
            }));
        }
        start.countDown();
        Set<Long> ids = new HashSet<>();
        for (Future<ResponseEntity<String>> delivery : deliveries) {
            ids.add(ok(delivery.get()).path("id").asLong());
        }
        pool.shutdown();
        assertThat(ids).hasSize(1);
        assertThat(balance(member)).isEqualTo(223);
        assertThat(account(member).path("lots").size()).isEqualTo(2);
        assertReconciled();
    }

    @Test
    void aReservationHoldsPointsUntilConfirmedOrReleasedToTheSameLots() {
        rate(1000);
        long member = 41;
        ok(earn(member, id("pay"), 10_000, STORE_A, null));
        ok(earn(member, id("pay"), 10_000, STORE_B, null));
        String held = id("pay");
        JsonNode reservation = ok(reserve(member, 150, held, STORE_C));
        assertThat(reservation.path("status").asText()).isEqualTo("HELD");
        assertThat(reservation.path("balanceAfter").asLong()).isEqualTo(50);
        assertThat(read(reserve(member, 51, id("pay"), STORE_C)).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");

        JsonNode released = ok(post("/internal/points/reservations/" + held + "/release", null, service));
        assertThat(released.path("status").asText()).isEqualTo("RELEASED");
        assertThat(released.path("balanceAfter").asLong()).isEqualTo(200);
        assertThat(ok(post("/internal/points/reservations/" + held + "/release", null, service)).path("balanceAfter").asLong()).isEqualTo(200);
        assertThat(account(member).path("lots").findValues("remaining").stream().map(JsonNode::asLong).toList()).containsExactly(100L, 100L);
        ResponseEntity<String> lateConfirm = post("/internal/points/reservations/" + held + "/confirm", null, service);
        assertThat(lateConfirm.getStatusCode().value()).isEqualTo(409);
        assertThat(read(lateConfirm).path("code").asText()).isEqualTo("RESERVATION_RELEASED");

        String paid = id("pay");
        ok(reserve(member, 120, paid, STORE_C));
        assertThat(ok(post("/internal/points/reservations/" + paid + "/confirm", null, service)).path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(ok(post("/internal/points/reservations/" + paid + "/confirm", null, service)).path("status").asText()).isEqualTo("CONFIRMED");
        ResponseEntity<String> lateRelease = post("/internal/points/reservations/" + paid + "/release", null, service);
        assertThat(read(lateRelease).path("code").asText()).isEqualTo("RESERVATION_CONFIRMED");
        assertThat(balance(member)).isEqualTo(80);
        assertThat(post("/internal/points/reservations/nope-1/confirm", null, service).getStatusCode().value()).isEqualTo(404);

        // the released hold nets to nothing in the settlement; the confirmed one is 100 of A's and 20 of B's points at C
        Long netAtC = jdbc.queryForObject("select sum(points) from points_lot_movement where tenant_id = ? and consuming_store_id = ?",
                Long.class, tenant, STORE_C);
        assertThat(netAtC).isEqualTo(120);
        assertReconciled();
    }

    @Test
    void aRefundTakesBackPointsProportionallyAndRecordsADebtForPointsAlreadySpent() {
        rate(1000);
        long member = 51;
        String payment = id("pay");
        ok(earn(member, payment, 10_000, STORE_A, null));
        ok(spend(member, 80, id("pay"), STORE_B));

        JsonNode quarter = ok(post("/internal/points/reversals", map("memberId", member, "bizId", id("ref"), "earnBizId", payment, "refundFen", 2_500), service));
        assertThat(quarter.path("points").asLong()).isEqualTo(25);
        assertThat(quarter.path("fromBalance").asLong()).isEqualTo(20);
        assertThat(quarter.path("debtRecorded").asLong()).isEqualTo(5);
        String rest = id("ref");
        JsonNode remainder = ok(post("/internal/points/reversals", map("memberId", member, "bizId", rest, "earnBizId", payment, "refundFen", 7_500), service));
        assertThat(remainder.path("debtRecorded").asLong()).isEqualTo(75);
        assertThat(ok(post("/internal/points/reversals", map("memberId", member, "bizId", rest, "earnBizId", payment, "refundFen", 7_500), service))
                .path("id").asLong()).isEqualTo(remainder.path("id").asLong());
        JsonNode tooMuch = read(post("/internal/points/reversals", map("memberId", member, "bizId", id("ref"), "earnBizId", payment, "refundFen", 1), service));
        assertThat(tooMuch.path("code").asText()).isEqualTo("REFUND_EXCEEDS_PAYMENT");
        assertThat(account(member).path("balance").asLong()).isZero();
        assertThat(account(member).path("debt").asLong()).isEqualTo(80);

        // the next earning pays the debt off first
        JsonNode next = ok(earn(member, id("pay"), 20_000, STORE_C, null));
        assertThat(next.path("points").asLong()).isEqualTo(200);
        assertThat(next.path("debtRepaid").asLong()).isEqualTo(80);
        assertThat(account(member).path("balance").asLong()).isEqualTo(120);
        assertThat(account(member).path("debt").asLong()).isZero();
        assertReconciled();

        // a tenant that does not allow debt refuses such a refund and changes nothing
        policy("refundShortfall", "REJECT");
        String other = id("pay");
        ok(earn(member, other, 10_000, STORE_A, null));
        ok(spend(member, 200, id("pay"), STORE_A));
        String before = ledgerState();
        JsonNode refused = read(post("/internal/points/reversals", map("memberId", member, "bizId", id("ref"), "earnBizId", other, "refundFen", 10_000), service));
        assertThat(refused.path("code").asText()).isEqualTo("POINTS_ALREADY_SPENT");
        assertThat(ledgerState()).isEqualTo(before);
        assertThat(read(post("/internal/points/reversals", map("memberId", member, "bizId", id("ref"), "earnBizId", "never-paid", "refundFen", 1), service))
                .path("code").asText()).isEqualTo("EARNING_NOT_FOUND");
    }

    @Test
    void earnRulesExclusionsCampaignsAndTheDailyCapApply() {
        policy("dailyEarnCap", 300);
        rate(1000);
        ok(post("/admin/v1/points/earn-rules", map("kind", "EXCLUDE", "name", "tobacco", "merchantId", 66), Http.write(operator)));
        ok(post("/admin/v1/points/earn-rules", map("kind", "CAMPAIGN", "name", "double at B", "storeId", STORE_B, "multiplierPct", 200), Http.write(operator)));
        long member = 61;
        JsonNode excluded = ok(post("/internal/points/earnings", map("memberId", member, "bizId", id("pay"), "amountFen", 10_000,
                "storeId", STORE_A, "merchantId", 66), service));
        assertThat(excluded.path("points").asLong()).isZero();
        assertThat(excluded.path("quote").path("excludedBy").asText()).isEqualTo("tobacco");
        assertThat(ok(earn(member, id("pay"), 10_000, STORE_B, null)).path("points").asLong()).isEqualTo(200);
        JsonNode capped = ok(earn(member, id("pay"), 50_000, STORE_A, null));
        assertThat(capped.path("points").asLong()).isEqualTo(100);
        assertThat(capped.path("quote").path("cappedBy").asLong()).isEqualTo(400);
        assertThat(balance(member)).isEqualTo(300);
        assertReconciled();
    }

    @Test
    void theExpiryJobUsesTheTenantsLocalDayAndRemindsMembersAhead() {
        policy("expiryMonths", 1, "reminderDays", 7);
        rate(1000);
        long member = 71;
        ok(earn(member, id("pay"), 10_000, STORE_A, "2026-01-10T10:00:00Z"));   // last day 2026-02-10 in Shanghai
        ok(earn(member, id("pay"), 5_000, STORE_B, "2026-06-10T10:00:00Z"));
        JsonNode early = ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-02T00:00:00Z"), service));
        assertThat(early.path("remindersWritten").asInt()).isZero();
        JsonNode remind = ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-04T00:00:00Z"), service));
        assertThat(remind.path("remindersWritten").asInt()).isEqualTo(1);
        assertThat(ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-05T00:00:00Z"), service)).path("remindersWritten").asInt()).isZero();
        JsonNode lastDay = ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-10T15:59:59Z"), service));
        assertThat(lastDay.path("lotsExpired").asInt()).isZero();
        JsonNode expired = ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-10T16:00:00Z"), service));
        assertThat(expired.path("lotsExpired").asInt()).isEqualTo(1);
        assertThat(expired.path("pointsExpired").asLong()).isEqualTo(100);
        assertThat(ok(post("/internal/points/expiry-runs", map("asOf", "2026-02-10T17:00:00Z"), service)).path("lotsExpired").asInt()).isZero();
        assertThat(balance(member)).isEqualTo(50);
        assertThat(account(member).path("recent").get(0).path("bizType").asText()).isEqualTo("EXPIRY");
        List<String> events = jdbc.queryForList("select type from outbox_event where tenant_id = ? order by id", String.class, tenant);
        assertThat(events).containsExactly("points.expiring", "points.expired");
        String payload = jdbc.queryForObject("select payload from outbox_event where tenant_id = ? and type = 'points.expiring'", String.class, tenant);
        assertThat(payload).contains("\"memberId\":71").contains("\"points\":100").contains("2026-02-10");
        assertReconciled();
    }

    @Test
    void parkingIsASpendAtTheCarPark() {
        rate(1000);
        long member = 81;
        HttpHeaders shopper = Http.member(tenant, member);
        ResponseEntity<String> notOffered = post("/api/v1/points/parking-redemptions", map("sessionId", "P1", "hours", 2), Http.write(shopper));
        assertThat(read(notOffered).path("code").asText()).isEqualTo("PARKING_NOT_OFFERED");
        policy("parkingPointsPerHour", 50, "parkingStoreId", 900);
        ok(earn(member, id("pay"), 30_000, STORE_A, null));
        JsonNode parked = ok(post("/api/v1/points/parking-redemptions", map("sessionId", "P2", "hours", 3), Http.write(shopper)));
        assertThat(parked.path("delta").asLong()).isEqualTo(-150);
        assertThat(change("PARKING", "parking:P2").path("movements").get(0).path("consumingStoreId").asLong()).isEqualTo(900);
        ResponseEntity<String> tooLong = post("/api/v1/points/parking-redemptions", map("sessionId", "P3", "hours", 4), Http.write(shopper));
        assertThat(read(tooLong).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(balance(member)).isEqualTo(150);
        // the same session from the same shopper replays; from another shopper it is refused and reveals nothing
        JsonNode again = ok(post("/api/v1/points/parking-redemptions", map("sessionId", "P2", "hours", 3), Http.write(shopper)));
        assertThat(again.path("id").asLong()).isEqualTo(parked.path("id").asLong());
        long other = 82;
        ok(earn(other, id("pay"), 30_000, STORE_A, null));
        ResponseEntity<String> stolen = post("/api/v1/points/parking-redemptions", map("sessionId", "P2", "hours", 3),
                Http.write(Http.member(tenant, other)));
        assertThat(stolen.getStatusCode().value()).as(stolen.getBody()).isEqualTo(409);
        assertThat(read(stolen).path("code").asText()).isEqualTo("BIZ_ID_TAKEN");
        // nothing of the first member's redemption in the answer (the traceId is random hex: compare fields, not text)
        JsonNode refusal = read(stolen);
        assertThat(refusal.has("balanceAfter") || refusal.has("memberId") || refusal.has("delta")).isFalse();
        assertThat(refusal.path("detail").asText()).doesNotContain(Long.toString(member));
        assertThat(balance(member)).isEqualTo(150);
        assertThat(balance(other)).isEqualTo(300);
        assertReconciled();
    }

    @Test
    void membersSeeTheirHistoryWithARunningBalance() {
        rate(1000);
        long member = 91;
        ok(earn(member, id("pay"), 10_000, STORE_A, null));
        ok(spend(member, 30, id("pay"), STORE_A));
        ok(earn(member, id("pay"), 5_000, STORE_B, null));
        HttpHeaders shopper = Http.member(tenant, member);
        JsonNode history = getJson("/api/v1/points/history?size=2", shopper);
        assertThat(history.findValues("balanceAfter").stream().map(JsonNode::asLong).toList()).containsExactly(120L, 70L);
        JsonNode older = getJson("/api/v1/points/history?before=" + history.get(1).path("id").asLong(), shopper);
        assertThat(older.findValues("balanceAfter").stream().map(JsonNode::asLong).toList()).containsExactly(100L);
        assertThat(getJson("/api/v1/points/balance", shopper).path("balance").asLong()).isEqualTo(120);
        assertThat(getJson("/internal/points/accounts/" + member, service).path("balance").asLong()).isEqualTo(120);
        assertThat(getJson("/api/v1/points/balance", Http.staff(tenant, 7, "OPERATOR")).path("code").asText()).isEqualTo("CALLER_NOT_ALLOWED");
    }

    @Test
    void anotherTenantSeesAndTouchesNothing() {
        rate(1000);
        long member = 95;
        String payment = id("pay");
        ok(earn(member, payment, 10_000, STORE_A, null));
        String held = id("pay");
        ok(reserve(member, 40, held, STORE_B));
        String before = ledgerState();
        long mine = tenant;

        HttpHeaders otherService = Http.internal(mine + 1);
        HttpHeaders otherOperator = Http.staff(mine + 1, 7, "OPERATOR");
        assertThat(getJson("/admin/v1/points/accounts/" + member, otherOperator).path("lots").size()).isZero();
        assertThat(getJson("/internal/points/accounts/" + member, otherService).path("balance").asLong()).isZero();
        assertThat(post("/internal/points/reservations/" + held + "/release", null, otherService).getStatusCode().value()).isEqualTo(404);
        assertThat(post("/internal/points/reservations/" + held + "/confirm", null, otherService).getStatusCode().value()).isEqualTo(404);
        assertThat(read(post("/internal/points/reversals", map("memberId", member, "bizId", id("ref"), "earnBizId", payment, "refundFen", 100), otherService))
                .path("code").asText()).isEqualTo("EARNING_NOT_FOUND");
        assertThat(read(post("/internal/points/spends", map("memberId", member, "points", 1, "bizId", id("pay")), otherService)).path("code").asText())
                .isEqualTo("POINTS_INSUFFICIENT");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode report = getJson("/admin/v1/points/settlement?storeId=" + STORE_A + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1), otherOperator);
        assertThat(report.path("pointsIssued").asLong()).isZero();
        assertThat(report.path("counterparts").size()).isZero();
        assertThat(ledgerState()).isEqualTo(before);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        rate(1000);
        ResponseEntity<String> negative = post("/internal/points/earnings", map("memberId", 5, "bizId", "p-1", "amountFen", -1), service);
        assertThat(negative.getStatusCode().value()).isEqualTo(400);
        assertThat(read(negative).path("errors").findValuesAsText("field")).containsExactly("amountFen");
        ResponseEntity<String> unknown = post("/internal/points/reservations", map("memberId", 5, "points", 1, "bizId", "p-2", "discount", 3), service);
        assertThat(read(unknown).path("code").asText()).isEqualTo("MALFORMED_REQUEST");
        ResponseEntity<String> badBiz = post("/internal/points/reservations", map("memberId", 5, "points", 1, "bizId", "has space"), service);
        assertThat(read(badBiz).path("errors").findValuesAsText("field")).containsExactly("bizId");
        ResponseEntity<String> badPolicy = put("/admin/v1/points/policy", map("redeemPointsPerYuan", 100, "reminderDays", 7, "refundShortfall", "FORGIVE"),
                Http.write(operator));
        assertThat(badPolicy.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> badRule = post("/admin/v1/points/earn-rules", map("kind", "CAMPAIGN", "name", "x", "multiplierPct", 10), Http.write(operator));
        assertThat(badRule.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> guide = put("/admin/v1/points/policy", map("redeemPointsPerYuan", 1, "reminderDays", 7, "refundShortfall", "DEBT"),
                Http.write(Http.staff(tenant, 8, "GUIDE")));
        assertThat(guide.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> badPeriod = http.exchange("/admin/v1/points/settlement?from=2026-02-01&to=2026-01-01", org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(operator), String.class);
        assertThat(badPeriod.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> noToken = post("/internal/points/earnings", map("memberId", 5, "bizId", "p-3", "amountFen", 100), Http.json());
        assertThat(read(noToken).path("code").asText()).isEqualTo("TOKEN_REQUIRED");
        ResponseEntity<String> noTenant = post("/internal/points/earnings", map("memberId", 5, "bizId", "p-3", "amountFen", 100),
                Http.bearer(com.siyu.common.test.TestTokens.service(null)));
        assertThat(read(noTenant).path("code").asText()).isEqualTo("TENANT_REQUIRED");
        assertThat(getJson("/admin/v1/points/policy", operator).path("redeemPointsPerYuan").asInt()).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ?", Long.class, tenant)).isZero();
    }

    @Test
    void reconciliationFindsATamperedAccount() {
        rate(1000);
        ok(earn(99, id("pay"), 10_000, STORE_A, null));
        assertReconciled();
        jdbc.update("update points_lot set remaining = remaining - 1 where tenant_id = ? and member_id = 99", tenant);
        JsonNode reconciliation = getJson("/admin/v1/points/reconciliation", operator);
        assertThat(reconciliation.path("clean").asBoolean()).isFalse();
        assertThat(reconciliation.path("discrepancies").get(0).path("memberId").asLong()).isEqualTo(99);
        assertThat(reconciliation.path("discrepancies").get(0).path("lotRemainingSum").asLong()).isEqualTo(99);
        assertThat(getJson("/admin/v1/points/reconciliation", Http.staff(tenant + 1, 7, "OPERATOR")).path("clean").asBoolean()).isTrue();
        jdbc.update("update points_lot set remaining = remaining + 1 where tenant_id = ? and member_id = 99", tenant);
        assertReconciled();
    }
}
