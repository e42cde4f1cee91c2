package com.siyu.coupon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Issuing against the real MariaDB: stock, limits, business keys, geo-fence, blind boxes, batches, expiry. */
@ServiceIT
class CouponIssuingIT extends CouponIT {

    // 长春 欧亚卖场-ish: the store the fence is drawn around
    static final double STORE_LAT = 43.8800;
    static final double STORE_LON = 125.3500;
    static final double ONE_KM_LAT = 1000 / 111_195.08;

    @BeforeEach
    void stores() {
        memberService.resetAll();
        stubDirectory();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":1,\"code\":\"CC-01\",\"name\":\"长春店\","
                        + "\"address\":\"长春市\",\"latitude\":" + STORE_LAT + ",\"longitude\":" + STORE_LON + "}")));
        memberService.stubFor(get(urlEqualTo("/internal/stores/2")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"Store 2 does not exist\"}")));
    }

    @Test
    void aThousandConcurrentClaimsIssueExactlyTheStockAndNobodyAboveTheLimit() throws Exception {
        long templateId = activeTemplate(cash("抢券 ¥5", 500, 100, 1));
        int claims = 1000;
        int members = 300;
        ExecutorService pool = Executors.newFixedThreadPool(48);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> results = new ArrayList<>();
        for (int i = 0; i < claims; i++) {
            // a member's 3-4 claims are submitted next to each other, so they race each other for the limit
            long member = 1 + (long) i * members / claims;
            results.add(pool.submit(() -> {
                start.await();
                return claim(member, templateId, null);
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        Map<String, Integer> outcomes = new HashMap<>();
        for (Future<ResponseEntity<String>> result : results) {
            ResponseEntity<String> response = result.get();
            int status = response.getStatusCode().value();
            String outcome = status == 201 ? "ISSUED" : status + " " + read(response).path("code").asText();
            outcomes.merge(outcome, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        pool.shutdown();
        System.out.printf("[coupon] %d concurrent claims (48 threads, stock 100, limit 1, %d members) in %.2f s = %.0f claims/s: %s%n",
                claims, members, seconds, claims / seconds, outcomes);

        assertThat(outcomes.get("ISSUED")).isEqualTo(100);
        assertThat(outcomes.keySet()).isSubsetOf("ISSUED", "409 COUPON_OUT_OF_STOCK", "409 COUPON_LIMIT_REACHED");
        assertThat(jdbc.queryForObject("select issued_count from coupon_template where id = ?", Integer.class, templateId)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(distinct member_id) from coupon where template_id = ?", Integer.class, templateId))
                .as("nobody above the limit of 1").isEqualTo(100);
        assertThat(jdbc.queryForObject("select coalesce(max(seq), 0) from coupon where template_id = ?", Integer.class, templateId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select coalesce(sum(claimed), 0) from coupon_member_quota where template_id = ?", Integer.class,
                templateId)).isEqualTo(100);
        assertThat(jdbc.queryForObject("select count(*) from outbox_event where tenant_id = ? and type = 'CouponIssued'", Integer.class,
                tenant)).isEqualTo(100);
        JsonNode reconciliation = fetch("/admin/v1/coupon/templates/" + templateId + "/reconciliation", operator);
        assertThat(reconciliation.path("clean").asBoolean()).as(reconciliation.toString()).isTrue();
        assertThat(reconciliation.path("couponRows").asLong()).isEqualTo(100);
    }

    @Test
    void aRetriedIssueIssuesOnce() throws Exception {
        long templateId = activeTemplate(cash("retry", 500, 100, 5));
        HttpHeaders sameKey = Http.write(Http.member(tenant, 77));
        ResponseEntity<String> first = http.exchange("/api/v1/coupon/templates/" + templateId + "/claims", HttpMethod.POST,
                new HttpEntity<>(null, sameKey), String.class);
        ResponseEntity<String> again = http.exchange("/api/v1/coupon/templates/" + templateId + "/claims", HttpMethod.POST,
                new HttpEntity<>(null, sameKey), String.class);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(again.getHeaders().getFirst("Idempotency-Replayed")).isEqualTo("true");
        assertThat(read(again).path("id").asLong()).isEqualTo(read(first).path("id").asLong());

        // a service grant delivered 16 times at once (payment reward retried by payment-service)
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            deliveries.add(pool.submit(() -> {
                start.await();
                return grant(77, templateId, "PAYMENT_REWARD", "pay-42");
            }));
        }
        start.countDown();
        Set<Long> ids = ConcurrentHashMap.newKeySet();
        int created = 0;
        for (Future<ResponseEntity<String>> delivery : deliveries) {
            ResponseEntity<String> response = delivery.get();
            assertThat(response.getStatusCode().value()).as(response.getBody()).isIn(200, 201);
            created += response.getStatusCode().value() == 201 ? 1 : 0;
            ids.add(read(response).path("id").asLong());
        }
        pool.shutdown();
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ? and member_id = 77", Integer.class, templateId))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select issued_count from coupon_template where id = ?", Integer.class, templateId)).isEqualTo(2);

        ResponseEntity<String> otherMember = grant(78, templateId, "PAYMENT_REWARD", "pay-42");
        assertThat(otherMember.getStatusCode().value()).isEqualTo(422);
        assertThat(read(otherMember).path("code").asText()).isEqualTo("ISSUE_KEY_REUSED");
    }

    @Test
    void idsOfAnotherTenantAreRefusedAndUseUpNoStock() {
        long templateId = activeTemplate(cash("refs", 500, 10, 5));
        ResponseEntity<String> foreignMember = grant(900_001, templateId, "CAMPAIGN", "c-foreign");
        assertThat(foreignMember.getStatusCode().value()).as(foreignMember.getBody()).isEqualTo(422);
        assertThat(read(foreignMember).path("code").asText()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(read(foreignMember).path("errors").get(0).path("field").asText()).isEqualTo("memberId");
        ResponseEntity<String> byOperator = http.exchange("/admin/v1/coupon/grants", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "memberId", 900_002), Http.write(operator)), String.class);
        assertThat(read(byOperator).path("code").asText()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(jdbc.queryForObject("select issued_count from coupon_template where id = ?", Integer.class, templateId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isZero();

        Map<String, Object> foreignScope = cash("foreign scope", 500, 10, 1);
        foreignScope.put("storeIds", List.of(1, 900_003));
        ResponseEntity<String> scoped = createTemplate(foreignScope);
        assertThat(scoped.getStatusCode().value()).as(scoped.getBody()).isEqualTo(422);
        assertThat(read(scoped).path("code").asText()).isEqualTo("UNKNOWN_STORE");
        Map<String, Object> foreignCounter = cash("foreign counter", 500, 10, 1);
        foreignCounter.put("excludedMerchantIds", List.of(900_004));
        assertThat(read(createTemplate(foreignCounter)).path("code").asText()).isEqualTo("UNKNOWN_MERCHANT");
        assertThat(jdbc.queryForObject("select count(*) from coupon_template where tenant_id = ? and name like 'foreign%'", Integer.class, tenant))
                .isZero();

        assertThat(http.exchange("/admin/v1/coupon/members/900005/coupons", HttpMethod.GET, new HttpEntity<>(operator), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void perMemberLimitsHoldInTotalAndPerDay() {
        Map<String, Object> daily = cash("每日2张", 300, 100, 5);
        daily.put("perMemberDailyLimit", 2);
        long templateId = activeTemplate(daily);
        assertThat(claim(5, templateId, null).getStatusCode().value()).isEqualTo(201);
        assertThat(claim(5, templateId, null).getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> third = claim(5, templateId, null);
        assertThat(third.getStatusCode().value()).isEqualTo(409);
        assertThat(read(third).path("code").asText()).isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(claim(6, templateId, null).getStatusCode().value()).as("another member has their own quota").isEqualTo(201);
        // the next day the daily counter starts again (rewind the member's day as a day passing would)
        jdbc.update("update coupon_member_quota set claim_day = date_sub(claim_day, interval 1 day) where template_id = ? and member_id = 5",
                templateId);
        assertThat(claim(5, templateId, null).getStatusCode().value()).isEqualTo(201);
        assertThat(jdbc.queryForList("select seq from coupon where template_id = ? and member_id = 5 order by seq", Integer.class, templateId))
                .containsExactly(1, 2, 3);

        long total = activeTemplate(cash("限2张", 300, 100, 2));
        claim(8, total, null);
        claim(8, total, null);
        ResponseEntity<String> over = claim(8, total, null);
        assertThat(read(over).path("code").asText()).isEqualTo("COUPON_LIMIT_REACHED");
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, total)).isEqualTo(2);
    }

    @Test
    void theDailyLimitCountsTheTenantsOwnDay() {
        // 25 hours apart, so their calendar days always differ: each tenant's quota is on its own local day
        Map<String, java.time.LocalDate> days = new HashMap<>();
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            freshTenant();
            stores();
            tenantZone(zone);
            Map<String, Object> daily = cash("每日1张", 300, 100, 5);
            daily.put("perMemberDailyLimit", 1);
            long templateId = activeTemplate(daily);
            assertThat(claim(5, templateId, null).getStatusCode().value()).isEqualTo(201);
            assertThat(read(claim(5, templateId, null)).path("code").asText()).isEqualTo("COUPON_LIMIT_REACHED");
            days.put(zone, jdbc.queryForObject("select claim_day from coupon_member_quota where template_id = ? and member_id = 5",
                    java.time.LocalDate.class, templateId));
            assertThat(days.get(zone)).as(zone).isEqualTo(java.time.LocalDate.now(java.time.ZoneId.of(zone)));
        }
        assertThat(days.get("Pacific/Kiritimati")).isAfter(days.get("Pacific/Pago_Pago"));
    }

    @Test
    void onlyActiveTemplatesIssueAndEveryStatusChangeIsAudited() {
        long templateId = read(createTemplate(cash("生命周期", 500, 10, 1))).path("id").asLong();
        ResponseEntity<String> draft = claim(1, templateId, null);
        assertThat(draft.getStatusCode().value()).isEqualTo(409);
        assertThat(read(draft).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");

        assertThat(transition(templateId, "ACTIVE").getStatusCode().value()).isEqualTo(200);
        assertThat(claim(1, templateId, null).getStatusCode().value()).isEqualTo(201);
        assertThat(transition(templateId, "PAUSED").getStatusCode().value()).isEqualTo(200);
        assertThat(read(claim(2, templateId, null)).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");
        assertThat(transition(templateId, "ENDED").getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> revive = transition(templateId, "ACTIVE");
        assertThat(revive.getStatusCode().value()).isEqualTo(409);
        assertThat(read(revive).path("code").asText()).isEqualTo("COUPON_TEMPLATE_TRANSITION_REFUSED");
        // RFC 9457's status is the HTTP status; the template's own state has its own name
        assertThat(read(revive).path("status").asInt()).isEqualTo(409);
        assertThat(read(revive).path("templateStatus").asText()).isNotBlank();

        JsonNode audit = fetch("/admin/v1/coupon/templates/" + templateId + "/audit", operator);
        assertThat(audit.findValuesAsText("to")).containsExactly("ACTIVE", "PAUSED", "ENDED");
        assertThat(audit.findValuesAsText("from")).containsExactly("DRAFT", "ACTIVE", "PAUSED");
        assertThat(audit.findValues("staffId").stream().map(JsonNode::asLong).toList()).containsOnly(9L);
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isEqualTo(1);
    }

    @Test
    void aGeoFencedClaimIsJudgedOnTheServerFromTheStoresCoordinates() {
        Map<String, Object> fenced = cash("3公里券", 1000, 100, 5);
        fenced.put("storeIds", List.of(1));
        fenced.put("geoRadiusMeters", 3000);
        long templateId = activeTemplate(fenced);

        ResponseEntity<String> inside = claim(1, templateId, Map.of("latitude", STORE_LAT + 2.5 * ONE_KM_LAT, "longitude", STORE_LON));
        assertThat(inside.getStatusCode().value()).as(inside.getBody()).isEqualTo(201);

        ResponseEntity<String> outside = claim(2, templateId, Map.of("latitude", STORE_LAT + 3.5 * ONE_KM_LAT, "longitude", STORE_LON));
        assertThat(outside.getStatusCode().value()).isEqualTo(403);
        assertThat(read(outside).path("code").asText()).isEqualTo("OUT_OF_RANGE");
        assertThat(read(outside).path("nearestMeters").asLong()).isBetween(3490L, 3510L);

        ResponseEntity<String> noLocation = claim(3, templateId, null);
        assertThat(noLocation.getStatusCode().value()).isEqualTo(400);
        assertThat(read(noLocation).path("code").asText()).isEqualTo("LOCATION_REQUIRED");

        ResponseEntity<String> badLatitude = claim(4, templateId, Map.of("latitude", 91.0, "longitude", STORE_LON));
        assertThat(badLatitude.getStatusCode().value()).isEqualTo(400);
        assertThat(read(badLatitude).path("errors").findValuesAsText("field")).containsExactly("latitude");

        ResponseEntity<String> badLongitude = claim(4, templateId, Map.of("latitude", STORE_LAT, "longitude", -180.01));
        assertThat(read(badLongitude).path("errors").findValuesAsText("field")).containsExactly("longitude");

        ResponseEntity<String> half = claim(4, templateId, Map.of("latitude", STORE_LAT));
        assertThat(half.getStatusCode().value()).isEqualTo(400);
        assertThat(read(half).path("code").asText()).isEqualTo("INVALID_COORDINATES");

        ResponseEntity<String> notJson = claim(4, templateId, Map.of("latitude", "north", "longitude", STORE_LON));
        assertThat(notJson.getStatusCode().value()).isEqualTo(400);

        assertThat(jdbc.queryForList("select member_id from coupon where template_id = ?", Long.class, templateId)).containsExactly(1L);

        // a fence around a store that is not the tenant's cannot even be created
        Map<String, Object> foreign = cash("别家的店", 1000, 100, 5);
        foreign.put("storeIds", List.of(2));
        foreign.put("geoRadiusMeters", 3000);
        ResponseEntity<String> refused = createTemplate(foreign);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(read(refused).path("code").asText()).isEqualTo("UNKNOWN_STORE");
        assertThat(jdbc.queryForObject("select count(*) from coupon_template where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
    }

    @Test
    void blindBoxDrawsRespectEachPrizesStockAndTheWeights() throws Exception {
        Map<String, Object> box = template("9.9元盲盒", "BLIND_BOX", 2020, 1000);
        box.put("priceFen", 990);
        box.put("prizes", List.of(Map.of("name", "海盗船", "weight", 5, "stock", 20), Map.of("name", "跳楼机", "weight", 3, "stock", 1000),
                Map.of("name", "旋转木马", "weight", 2, "stock", 1000)));
        long templateId = activeTemplate(box);
        int draws = 400;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<ResponseEntity<String>>> purchases = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            String payment = "pay-box-" + i;
            long member = 100 + i % 40;
            purchases.add(pool.submit(() -> grant(member, templateId, "PURCHASE", payment)));
        }
        for (Future<ResponseEntity<String>> purchase : purchases) {
            assertThat(purchase.get().getStatusCode().value()).as(purchase.get().getBody()).isEqualTo(201);
        }
        pool.shutdown();

        Map<String, Long> byPrize = new HashMap<>();
        jdbc.queryForList("select item_name, count(*) n from coupon where template_id = ? group by item_name", templateId)
                .forEach(row -> byPrize.put((String) row.get("item_name"), ((Number) row.get("n")).longValue()));
        assertThat(byPrize.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(draws);
        assertThat(byPrize.get("海盗船")).as("the scarce prize is drawn exactly as often as it is stocked").isEqualTo(20);
        long b = byPrize.get("跳楼机");
        long c = byPrize.get("旋转木马");
        // once 海盗船 is gone, 跳楼机 : 旋转木马 = 3 : 2 → share 0.6; n ≈ 380 gives σ ≈ 0.025, allow 4σ
        assertThat((double) b / (b + c)).isBetween(0.50, 0.70);
        for (Map<String, Object> prize : jdbc.queryForList("select name, drawn, stock from coupon_blind_box_item where template_id = ?",
                templateId)) {
            assertThat(((Number) prize.get("drawn")).longValue()).as("drawn of " + prize.get("name"))
                    .isEqualTo(byPrize.get((String) prize.get("name")));
        }
        assertThat(jdbc.queryForObject("select issued_count from coupon_template where id = ?", Integer.class, templateId)).isEqualTo(draws);

        // a small box runs dry: every prize's stock is honoured, then out of stock
        Map<String, Object> small = template("小盲盒", "BLIND_BOX", 5, 1000);
        small.put("priceFen", 990);
        small.put("prizes", List.of(Map.of("name", "A", "weight", 100, "stock", 2), Map.of("name", "B", "weight", 1, "stock", 3)));
        long smallId = activeTemplate(small);
        int issued = 0;
        for (int i = 0; i < 8; i++) {
            ResponseEntity<String> r = grant(1, smallId, "PURCHASE", "small-" + i);
            if (r.getStatusCode().value() == 201) {
                issued++;
            } else {
                assertThat(read(r).path("code").asText()).isEqualTo("COUPON_OUT_OF_STOCK");
            }
        }
        assertThat(issued).isEqualTo(5);
        assertThat(jdbc.queryForList("select drawn from coupon_blind_box_item where template_id = ? order by id", Integer.class, smallId))
                .containsExactly(2, 3);
    }

    @Test
    void aSegmentIsGrantedPageByPageFromMemberService() throws Exception {
        long templateId = activeTemplate(cash("人群券", 500, 100, 1));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/segments/77/members"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("0"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"memberIds\":[2001,2002,2003],\"next\":2003}")));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/segments/77/members"))
                .withQueryParam("after", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2003"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"memberIds\":[2004],\"next\":-1}")));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/segments/78/members"))
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(404)
                        .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"Segment 78 does not exist\"}")));

        ResponseEntity<String> started = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "segmentId", 77), Http.write(operator)), String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        JsonNode done = awaitBatch(read(started).path("id").asLong());
        assertThat(done.path("total").asInt()).isEqualTo(4);
        assertThat(jdbc.queryForList("select member_id from coupon where tenant_id = ? and template_id = ? order by member_id", Long.class,
                tenant, templateId)).containsExactly(2001L, 2002L, 2003L, 2004L);
        memberService.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/internal/segments/77/members"))
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                        com.siyu.common.test.TestTokens.actsFor(r.getHeader("Authorization"), tenant))));

        ResponseEntity<String> otherTenantsSegment = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "segmentId", 78), Http.write(operator)), String.class);
        assertThat(otherTenantsSegment.getStatusCode().value()).isEqualTo(404);
        ResponseEntity<String> both = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "segmentId", 77, "memberIds", List.of(1L)), Http.write(operator)), String.class);
        assertThat(both.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aGrantBatchShowsProgressAndAResumedBatchIssuesOnce() throws Exception {
        long templateId = activeTemplate(cash("会员日", 800, 50, 1));
        List<Long> members = new ArrayList<>(LongStream.rangeClosed(1001, 1060).boxed().toList());
        members.add(1001L); // listed twice, granted once
        // member-service knows 1001-1060 as this tenant's active members; 1061 is not (another tenant's, or merged)
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/internal/members/known"))
                .willReturn(okJson("{\"active\":" + LongStream.rangeClosed(1001, 1060).boxed().toList() + "}")));
        List<Long> withAStranger = new ArrayList<>(members);
        withAStranger.add(1061L);
        ResponseEntity<String> refused = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "memberIds", withAStranger), Http.write(operator)), String.class);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(read(refused).path("code").asText()).isEqualTo("UNKNOWN_MEMBERS");
        assertThat(read(refused).path("detail").asText()).contains("[1061]");
        assertThat(jdbc.queryForObject("select count(*) from coupon_grant_batch where template_id = ?", Integer.class, templateId)).isZero();
        memberService.verify(postRequestedFor(urlEqualTo("/internal/members/known"))
                .withRequestBody(matchingJsonPath("$.ids[61]", equalTo("1061"))));

        ResponseEntity<String> started = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "memberIds", members, "reason", "会员日"), Http.write(operator)),
                String.class);
        assertThat(started.getStatusCode().value()).as(started.getBody()).isEqualTo(202);
        long batchId = read(started).path("id").asLong();
        JsonNode done = awaitBatch(batchId);
        assertThat(done.path("total").asInt()).isEqualTo(60);
        assertThat(done.path("processed").asInt()).isEqualTo(60);
        assertThat(done.path("issued").asInt()).isEqualTo(50);
        assertThat(done.path("failed").asInt()).isEqualTo(10);
        JsonNode entries = fetch("/admin/v1/coupon/grant-batches/" + batchId + "/members?limit=100", operator);
        assertThat(entries.findValuesAsText("outcome").stream().filter("COUPON_OUT_OF_STOCK"::equals).count()).isEqualTo(10);

        // the runner "crashed" after issuing to the first 10 members but before recording them
        jdbc.update("update coupon_grant_batch set status = 'RUNNING', cursor_pos = 0, issued = issued - 10,"
                + " heartbeat_at = '2020-01-01 00:00:00' where id = ?", batchId);
        jdbc.update("update coupon_grant_batch_member set outcome = null, coupon_id = null where batch_id = ? and position < 10", batchId);
        ResponseEntity<String> resumed = http.exchange("/admin/v1/coupon/grant-batches/" + batchId + "/resume", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(operator)), String.class);
        assertThat(resumed.getStatusCode().value()).as(resumed.getBody()).isEqualTo(202);
        JsonNode again = awaitBatch(batchId);
        assertThat(again.path("issued").asInt()).isEqualTo(50);
        assertThat(again.path("failed").asInt()).isEqualTo(10);
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isEqualTo(50);
        assertThat(jdbc.queryForObject("select count(distinct member_id) from coupon where template_id = ?", Integer.class, templateId))
                .isEqualTo(50);
        assertThat(jdbc.queryForObject("select issued_count from coupon_template where id = ?", Integer.class, templateId)).isEqualTo(50);

        // a batch whose runner is alive cannot be taken over
        jdbc.update("update coupon_grant_batch set status = 'RUNNING', heartbeat_at = utc_timestamp(3) where id = ?", batchId);
        ResponseEntity<String> busy = http.exchange("/admin/v1/coupon/grant-batches/" + batchId + "/resume", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(operator)), String.class);
        assertThat(busy.getStatusCode().value()).isEqualTo(409);
        assertThat(read(busy).path("code").asText()).isEqualTo("GRANT_BATCH_RUNNING");
    }

    @Test
    void remindersAreRaisedOnceBeforeExpiryAndExpiredCouponsLeaveTheAvailableList() {
        Map<String, Object> week = cash("5天有效", 500, 10, 1);
        week.put("validDays", 5);
        long templateId = activeTemplate(week);
        long couponId = read(claim(31, templateId, null)).path("id").asLong();
        Instant validTo = jdbc.queryForObject("select valid_to from coupon where id = ?", java.sql.Timestamp.class, couponId)
                .toLocalDateTime().toInstant(java.time.ZoneOffset.UTC);

        JsonNode early = runExpiry(validTo.minus(Duration.ofDays(4)));
        assertThat(early.path("reminded").asInt()).isZero();
        JsonNode due = runExpiry(validTo.minus(Duration.ofDays(2)));
        assertThat(due.path("reminded").asInt()).isEqualTo(1);
        assertThat(runExpiry(validTo.minus(Duration.ofDays(1))).path("reminded").asInt()).as("once per coupon").isZero();
        String payload = jdbc.queryForObject("select payload from outbox_event where tenant_id = ? and type = 'CouponExpiring'", String.class,
                tenant);
        assertThat(payload).contains("\"couponId\":" + couponId).contains("\"memberId\":31").contains("\"daysLeft\":2");

        assertThat(runExpiry(validTo).path("expired").asInt()).isEqualTo(1);
        assertThat(couponStatus(couponId)).isEqualTo("EXPIRED");
        JsonNode wallet = fetch("/api/v1/coupon/wallet", Http.member(tenant, 31));
        assertThat(wallet.path("available").size()).isZero();
        assertThat(wallet.path("expired").findValues("couponId").stream().map(JsonNode::asLong).toList()).containsExactly(couponId);
    }

    @Test
    void anotherTenantCanNeitherSeeNorIssueNorClaim() {
        long templateId = activeTemplate(cash("mine", 500, 10, 1));
        long couponId = read(claim(1, templateId, null)).path("id").asLong();
        long mine = tenant;
        tenant = mine + 1;
        HttpHeaders otherOperator = Http.staff(tenant, 9, "OPERATOR");
        assertThat(claim(1, templateId, null).getStatusCode().value()).isEqualTo(404);
        assertThat(grant(1, templateId, "CAMPAIGN", "c-1").getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/coupon/templates/" + templateId + "/reconciliation", HttpMethod.GET,
                new HttpEntity<>(otherOperator), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(fetch("/api/v1/coupon/wallet", Http.member(tenant, 1)).path("available").size()).isZero();
        assertThat(fetch("/admin/v1/coupon/members/1/coupons", otherOperator).path("available").size()).isZero();
        assertThat(fetch("/api/v1/coupon/templates", Http.member(tenant, 1)).size()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select tenant_id from coupon where id = ?", Long.class, couponId)).isEqualTo(mine);
    }

    @Test
    void badInputIsAProblemAndChangesNothing() {
        long templateId = activeTemplate(cash("x", 500, 10, 1));
        ResponseEntity<String> anonymous = http.exchange("/api/v1/coupon/templates/" + templateId + "/claims", HttpMethod.POST,
                new HttpEntity<>(null, Http.write(Http.staff(tenant, 9, "OPERATOR"))), String.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(403);
        assertThat(read(anonymous).path("code").asText()).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(claim(1, 999_999_999L, null).getStatusCode().value()).isEqualTo(404);

        ResponseEntity<String> claimSource = grant(1, templateId, "CLAIM", "k-1");
        assertThat(claimSource.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> badKey = grant(1, templateId, "CAMPAIGN", "has spaces");
        assertThat(read(badKey).path("errors").findValuesAsText("field")).containsExactly("key");
        ResponseEntity<String> noTenant = http.exchange("/internal/coupon/grants", HttpMethod.POST, new HttpEntity<>(
                Map.of("templateId", templateId, "memberId", 1, "source", "CAMPAIGN", "key", "c-9"), Http.json()), String.class);
        assertThat(noTenant.getStatusCode().value()).isEqualTo(401);

        ResponseEntity<String> emptyBatch = http.exchange("/admin/v1/coupon/grant-batches", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "memberIds", List.of()), Http.write(operator)), String.class);
        assertThat(read(emptyBatch).path("errors").findValuesAsText("field")).containsExactly("audience");
        ResponseEntity<String> guide = http.exchange("/admin/v1/coupon/grants", HttpMethod.POST,
                new HttpEntity<>(Map.of("templateId", templateId, "memberId", 1), Http.write(Http.staff(tenant, 3, "GUIDE"))), String.class);
        assertThat(guide.getStatusCode().value()).isEqualTo(403);

        Map<String, Object> unknownField = cash("y", 500, 10, 1);
        unknownField.put("colour", "red");
        assertThat(createTemplate(unknownField).getStatusCode().value()).isEqualTo(400);
        Map<String, Object> badBox = template("盲盒", "BLIND_BOX", 10, 1);
        badBox.put("priceFen", 990);
        badBox.put("prizes", List.of(Map.of("name", "A", "weight", 1, "stock", 3)));
        ResponseEntity<String> incoherent = createTemplate(badBox);
        assertThat(read(incoherent).path("code").asText()).isEqualTo("COUPON_TEMPLATE_INVALID");

        assertThat(http.exchange("/api/v1/coupon/wallet?amountFen=-1", HttpMethod.GET, new HttpEntity<>(Http.member(tenant, 1)),
                String.class).getStatusCode().value()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select count(*) from coupon where template_id = ?", Integer.class, templateId)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from coupon_template where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
    }

    private JsonNode runExpiry(Instant asOf) {
        ResponseEntity<String> run = http.exchange("/internal/coupon/jobs/expiry", HttpMethod.POST,
                new HttpEntity<>(Map.of("asOf", asOf.toString()), internal()), String.class);
        assertThat(run.getStatusCode().value()).as(run.getBody()).isEqualTo(200);
        return read(run);
    }

    private JsonNode awaitBatch(long batchId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonNode batch = fetch("/admin/v1/coupon/grant-batches/" + batchId, operator);
        while (!"DONE".equals(batch.path("status").asText()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            batch = fetch("/admin/v1/coupon/grant-batches/" + batchId, operator);
        }
        assertThat(batch.path("status").asText()).as(batch.toString()).isEqualTo("DONE");
        return batch;
    }
}
