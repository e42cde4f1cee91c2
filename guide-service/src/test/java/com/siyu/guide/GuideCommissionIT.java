package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.Inbox;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.guide.commission.domain.PaymentNotYetSeen;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Commission from payment-service's events through common's inbox (the real one, against MariaDB): earned once
 * per order, taken back once per refund, settled after the refund window, paid in a batch.
 */
@ServiceIT
class GuideCommissionIT extends GuideServiceTestBase {

    @Autowired
    Inbox inbox;

    long tenant;
    HttpHeaders admin;
    long guide;
    String prefix;

    @BeforeEach
    void tenantWithAGuideAndRules() {
        tenant = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        prefix = "CP" + UUID.randomUUID().toString().substring(0, 8);
        admin = Http.staff(tenant, 1, "TENANT_ADMIN");
        memberService.resetAll();
        memberService.stubFor(get(urlEqualTo("/internal/stores/1")).willReturn(okJson("{\"id\":1,\"code\":\"A\",\"name\":\"Store A\"}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/\\d+")).atPriority(9).willReturn(okJson("{\"id\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/members/9\\d{5}")).atPriority(8).willReturn(MemberServiceStub.notThisTenants()));
        MemberServiceStub.staffAndCounters(memberService);
        MemberServiceStub.couponTemplates(memberService);
        memberService.stubFor(get(urlEqualTo("/internal/tenants/current"))
                .willReturn(okJson("{\"id\":1,\"code\":\"mall\",\"timeZone\":\"Asia/Shanghai\"}")));
        guide = read(post("/admin/v1/guide/guides", Map.of("staffId", 51, "storeId", 1, "name", "小李", "phone", "13900000051"))).path("id")
                .asLong();
        assertThat(http.exchange("/admin/v1/guide/members/601/guide", HttpMethod.PUT, new HttpEntity<>(Map.of("guideId", guide),
                Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        post("/admin/v1/guide/commission-rules", Map.of("kind", "PERCENT", "value", 300));
        post("/admin/v1/guide/commission-rules", Map.of("kind", "PERCENT", "value", 1_000, "merchantId", 501, "capFen", 500));
    }

    @Test
    void anOrderEarnsOnceARefundInsideTheWindowNetsItAndOneAfterTheWindowIsTakenOffTheNextPayout() {
        // two shop orders: the counter's 10 % capped at ¥5, and 3 % of what was paid for the other
        String paymentNo = prefix + "-1";
        Map<String, Object> paid = paid(paymentNo, 601, Instant.now().minus(Duration.ofDays(8)),
                order(paymentNo + "-1", 501, 10_000, 0), order(paymentNo + "-2", 502, 5_000, 1_000));
        String messageId = UUID.randomUUID().toString();
        assertThat(deliver(messageId, "PaymentSucceeded", paid)).isEqualTo(Inbox.Outcome.APPLIED);
        assertThat(deliver(messageId, "PaymentSucceeded", paid)).isEqualTo(Inbox.Outcome.DUPLICATE);
        // the same event republished under another message id earns nothing more
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid);
        assertThat(lines("EARN")).containsExactly(500L, 120L);

        // a partial refund of the first order: ¥4,000 of ¥10,000 takes 40 % of its ¥5 back, once
        Map<String, Object> refund = refunded(paymentNo + "-1", "RF-" + prefix + "-1", 4_000);
        deliver(UUID.randomUUID().toString(), "PaymentRefunded", refund);
        deliver(UUID.randomUUID().toString(), "PaymentRefunded", refund);
        assertThat(lines("REVERSAL")).containsExactly(-200L);

        // paid 8 days ago: past the default 7-day window, everything settles, the reversal with its earning
        assertThat(read(post("/admin/v1/guide/commission/settlement-runs", Map.of())).path("settled").asInt()).isEqualTo(3);
        List<JsonNode> settled = events(tenant, "CommissionSettled");
        assertThat(settled).hasSize(1);
        assertThat(settled.get(0).path("guideId").asLong()).isEqualTo(guide);
        assertThat(settled.get(0).path("lines").asInt()).isEqualTo(3);
        assertThat(settled.get(0).path("amountFen").asLong()).isEqualTo(500 + 120 - 200);
        // a refund after settlement writes a SETTLED negative line, taken off the payout
        deliver(UUID.randomUUID().toString(), "PaymentRefunded", refunded(paymentNo + "-2", "RF-" + prefix + "-2", 5_000));
        assertThat(jdbc.queryForObject("select status from guide_commission_line where tenant_id = ? and biz_key = ?", String.class, tenant,
                "refund:RF-" + prefix + "-2")).isEqualTo("SETTLED");

        ResponseEntity<String> payout = post("/admin/v1/guide/commission/payouts", Map.of());
        assertThat(payout.getStatusCode().value()).as(payout.getBody()).isEqualTo(201);
        assertThat(read(payout).path("totalFen").asLong()).isEqualTo(500 + 120 - 200 - 120);
        assertThat(jdbc.queryForObject("select count(*) from guide_commission_line where tenant_id = ? and status <> 'PAID'", Integer.class, tenant))
                .isZero();
        ResponseEntity<String> again = post("/admin/v1/guide/commission/payouts", Map.of());
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(read(again).path("code").asText()).isEqualTo("NOTHING_TO_PAY");
        HttpHeaders asCsv = new HttpHeaders();
        asCsv.putAll(admin);
        asCsv.setAccept(List.of(org.springframework.http.MediaType.parseMediaType("text/csv")));
        ResponseEntity<String> export = http.exchange("/admin/v1/guide/commission/payouts/" + read(payout).path("id").asLong() + "/export",
                HttpMethod.GET, new HttpEntity<>(asCsv), String.class);
        assertThat(export.getHeaders().getContentType().toString()).as(export.getBody()).startsWith("text/csv");
        String csv = export.getBody();
        assertThat(csv).contains(guide + ",51,\"小李\",300,4");

        // the guide reads their own ledger; another guide nothing of it
        JsonNode mine = read(http.exchange("/admin/v1/guide/me/commission", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 51, "GUIDE")),
                String.class));
        assertThat(mine.path("totalsFen").path("PAID").asLong()).isEqualTo(300);
        assertThat(mine.path("lines").size()).isEqualTo(4);
        assertThat(http.exchange("/admin/v1/guide/me/commission", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 52, "GUIDE")), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void concurrentDuplicateDeliveriesEarnOnceAndConcurrentPartRefundsTakeBackExactlyTheEarning() throws Exception {
        String paymentNo = prefix + "-2";
        String orderNo = paymentNo + "-1";
        // a refund overtaking its payment waits (the inbox delivers it again later)
        assertThatThrownBy(() -> deliver(UUID.randomUUID().toString(), "PaymentRefunded", refunded(orderNo, "RF-early", 1_000)))
                .isInstanceOf(PaymentNotYetSeen.class);
        Map<String, Object> paid = paid(paymentNo, 601, Instant.now(), order(orderNo, 502, 10_001, 0));
        race(8, i -> () -> deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid));
        assertThat(lines("EARN")).containsExactly(300L);
        long[] parts = {1, 2_500, 3_333, 4_167};
        race(parts.length, i -> () -> deliver(UUID.randomUUID().toString(), "PaymentRefunded", refunded(orderNo, "RF-" + i, parts[i])));
        assertThat(lines("REVERSAL").stream().mapToLong(Long::longValue).sum()).isEqualTo(-300);
        assertThat(jdbc.queryForObject("select refunded_fen from guide_attribution where tenant_id = ? and order_no = ?", Long.class, tenant, orderNo))
                .isEqualTo(10_001);
        // still inside the window: nothing settles, and the pending earning and its reversals net to zero
        assertThat(read(post("/admin/v1/guide/commission/settlement-runs", Map.of())).path("settled").asInt()).isZero();
        assertThat(read(http.exchange("/admin/v1/guide/me/commission", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 51, "GUIDE")),
                String.class)).path("totalsFen").path("PENDING").asLong()).isZero();
    }

    @Test
    void manyPaymentsFromFourConsumersEachEarnOnce() throws Exception {
        int payments = 400;
        long started = System.nanoTime();
        race(4, t -> () -> {
            Inbox.Outcome last = null;
            for (int i = t; i < payments; i += 4) {
                String paymentNo = prefix + "-m" + i;
                last = deliver(UUID.randomUUID().toString(), "PaymentSucceeded",
                        paid(paymentNo, 601, Instant.now(), order(paymentNo + "-1", 502, 1_000, 0)));
            }
            return last;
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("COMMISSION %d PaymentSucceeded events in %.2f s: %.0f events/s (4 consumers)%n", payments, seconds, payments / seconds);
        assertThat(lines("EARN")).hasSize(payments).allMatch(amount -> amount == 30);
    }

    @Test
    void theLeaderboardIsTheLedgersSummedForTheMallsDayWeekAndMonth() {
        long wang = read(post("/admin/v1/guide/guides", Map.of("staffId", 53, "storeId", 1, "name", "小王", "phone", "13900000053"))).path("id")
                .asLong();
        for (long member : List.of(602L, 603L)) {
            assertThat(http.exchange("/admin/v1/guide/members/" + member + "/guide", HttpMethod.PUT, new HttpEntity<>(Map.of("guideId", wang),
                    Http.write(admin)), String.class).getStatusCode().value()).isEqualTo(200);
        }
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid(prefix + "-l1", 601, Instant.now(), order(prefix + "-l1-1", 502, 10_000, 0)));
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid(prefix + "-l2", 602, Instant.now(), order(prefix + "-l2-1", 502, 20_000, 0)));
        deliver(UUID.randomUUID().toString(), "PaymentRefunded", refunded(prefix + "-l2-1", "RF-" + prefix + "-l2", 5_000));

        for (String period : List.of("DAY", "WEEK", "MONTH")) {
            JsonNode board = read(http.exchange("/admin/v1/guide/leaderboard?period=" + period + "&storeId=1", HttpMethod.GET,
                    new HttpEntity<>(admin), String.class));
            JsonNode standings = board.path("standings");
            assertThat(standings.get(0).path("guideId").asLong()).as(period).isEqualTo(wang);
            assertThat(standings.get(1).path("guideId").asLong()).as(period).isEqualTo(guide);
            for (JsonNode row : standings) {
                long g = row.path("guideId").asLong();
                assertThat(row.path("salesFen").asLong()).isEqualTo(jdbc.queryForObject(
                        "select coalesce(sum(paid_fen), 0) from guide_attribution where tenant_id = ? and guide_id = ?", Long.class, tenant, g));
                assertThat(row.path("commissionFen").asLong()).isEqualTo(jdbc.queryForObject(
                        "select coalesce(sum(amount_fen), 0) from guide_commission_line where tenant_id = ? and guide_id = ?", Long.class, tenant, g));
                assertThat(row.path("newBindings").asLong()).isEqualTo(jdbc.queryForObject("select count(*) from guide_binding_history"
                        + " where tenant_id = ? and to_guide_id = ?", Long.class, tenant, g));
            }
            assertThat(standings.get(0).path("commissionFen").asLong()).isEqualTo(600 - 150);
            assertThat(standings.get(0).path("refundedFen").asLong()).isEqualTo(5_000);
            assertThat(standings.get(0).path("newBindings").asLong()).isEqualTo(2);
        }
        // the guide's view of their shopper: the binding, its history, what was bought and what it earned
        JsonNode overview = read(http.exchange("/admin/v1/guide/members/602/overview", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 53, "GUIDE")), String.class));
        assertThat(overview.path("guideId").asLong()).isEqualTo(wang);
        assertThat(overview.path("history").size()).isEqualTo(1);
        assertThat(overview.path("purchases").get(0).path("paidFen").asLong()).isEqualTo(20_000);
        assertThat(overview.path("purchases").get(0).path("refundedFen").asLong()).isEqualTo(5_000);
        assertThat(overview.path("commissionFen").path("PENDING").asLong()).isEqualTo(450);
        assertThat(http.exchange("/admin/v1/guide/members/602/overview", HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 51, "GUIDE")),
                String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/guide/members/900001/overview", HttpMethod.GET, new HttpEntity<>(admin), String.class)
                .getStatusCode().value()).isEqualTo(404);

        // a day long before: nothing
        JsonNode past = read(http.exchange("/admin/v1/guide/leaderboard?period=DAY&date=2020-01-01", HttpMethod.GET, new HttpEntity<>(admin),
                String.class));
        assertThat(past.path("standings").findValuesAsText("salesFen")).containsOnly("0");
        // a guide sees their store's board
        JsonNode seenByGuide = read(http.exchange("/admin/v1/guide/leaderboard?period=MONTH&storeId=2", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 51, "GUIDE")), String.class));
        assertThat(seenByGuide.path("storeId").asLong()).isEqualTo(1);
        assertThat(seenByGuide.path("standings").size()).isEqualTo(2);
    }

    @Test
    void aMemberWithoutAGuideEarnsNobodyAnythingAndBadRulesAreProblems() {
        String paymentNo = prefix + "-3";
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid(paymentNo, 602, Instant.now(), order(paymentNo + "-1", 502, 9_000, 0)));
        deliver(UUID.randomUUID().toString(), "PaymentRefunded", refunded(paymentNo + "-1", "RF-" + prefix + "-3", 9_000));
        assertThat(jdbc.queryForObject("select count(*) from guide_commission_line where tenant_id = ?", Integer.class, tenant)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from guide_attribution where tenant_id = ? and guide_id is null", Integer.class, tenant))
                .isEqualTo(1);
        assertThat(post("/admin/v1/guide/commission-rules", Map.of("kind", "PERCENT", "value", 10_001)).getStatusCode().value()).isEqualTo(400);
        assertThat(post("/admin/v1/guide/commission-rules", Map.of("kind", "PERCENT", "value", 100, "merchantId", 501, "category", "food"))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(read(post("/admin/v1/guide/commission-rules", Map.of("kind", "PERCENT", "value", 100, "merchantId", 900_001))).path("code")
                .asText()).isEqualTo("UNKNOWN_MERCHANT");
        assertThat(http.exchange("/admin/v1/guide/commission-rules", HttpMethod.POST, new HttpEntity<>(Map.of("kind", "FIXED", "value", 100),
                Http.write(Http.staff(tenant, 51, "GUIDE"))), String.class).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aPaymentThroughAShareLinkCreditsTheLinksGuideWithinTheWindowAndTheBindingOtherwise() {
        long wang = read(post("/admin/v1/guide/guides", Map.of("staffId", 53, "storeId", 1, "name", "小王", "phone", "13900000053"))).path("id")
                .asLong();
        HttpHeaders wangSigned = Http.staff(tenant, 53, "GUIDE");
        post("/admin/v1/guide/commission-rules", Map.of("kind", "FIXED", "value", 1_000, "campaign", "may-day"));
        ResponseEntity<String> created = as(wangSigned, "/admin/v1/guide/me/share-links",
                Map.of("kind", "ACTIVITY", "title", "五一狂欢", "campaign", "may-day"));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        long linkId = read(created).path("link").path("id").asLong();
        String token = read(created).path("token").asText();

        // member 601 is guide 51's (assigned); opening 小王's link keeps 51 (protection) but makes the token count for 小王
        HttpHeaders shopper = Http.member(tenant, 601);
        JsonNode visit = read(as(shopper, "/api/v1/guide/share-visits", Map.of("token", token)));
        assertThat(visit.path("link").path("campaign").asText()).isEqualTo("may-day");
        assertThat(visit.path("binding").path("outcome").asText()).isEqualTo("KEEP");
        assertThat(visit.path("binding").path("guideId").asLong()).isEqualTo(guide);
        assertThat(visit.path("attribution").asText()).isEqualTo(token);
        assertThat(Instant.parse(visit.path("creditUntil").asText())).isAfter(Instant.now().plus(Duration.ofDays(6)));
        as(shopper, "/api/v1/guide/share-visits", Map.of("token", token));

        // through the link: 小王, by the campaign's rule (it beats the counter's 10 %); without it, or forged: the binding
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-s1", 601, Instant.now(), token,
                order(prefix + "-s1-1", 501, 30_000, 0)));
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paid(prefix + "-s2", 601, Instant.now(), order(prefix + "-s2-1", 501, 30_000, 0)));
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-s3", 601, Instant.now(), forged,
                order(prefix + "-s3-1", 502, 10_000, 0)));
        // a member who never opened the link gets nobody credited through it (602 has no guide at all)
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-s4", 602, Instant.now(), token,
                order(prefix + "-s4-1", 502, 10_000, 0)));
        assertThat(attributed(prefix + "-s1-1")).isEqualTo(Map.of("guide", wang, "via", "LINK", "link", linkId, "campaign", "may-day"));
        assertThat(attributed(prefix + "-s2-1")).isEqualTo(Map.of("guide", guide, "via", "BINDING"));
        assertThat(attributed(prefix + "-s3-1")).isEqualTo(Map.of("guide", guide, "via", "BINDING"));
        assertThat(attributed(prefix + "-s4-1")).isEmpty();
        assertThat(earned(prefix + "-s1-1")).containsExactly(wang, 1_000L);
        assertThat(earned(prefix + "-s2-1")).containsExactly(guide, 500L);

        // the visit 8 days old is outside the default 7-day window; a tenant's 10 days takes it in again
        jdbc.update("update guide_share_visit set first_opened_at = ?, last_opened_at = ? where tenant_id = ? and link_id = ?",
                java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))), java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(8))),
                tenant, linkId);
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-s5", 601, Instant.now(), token,
                order(prefix + "-s5-1", 502, 10_000, 0)));
        assertThat(attributed(prefix + "-s5-1")).containsEntry("via", "BINDING");
        ResponseEntity<String> policy = http.exchange("/admin/v1/guide/commission-policy", HttpMethod.PUT,
                new HttpEntity<>(Map.of("linkAttributionDays", 10), Http.write(admin)), String.class);
        assertThat(read(policy).path("linkAttributionDays").asInt()).as(policy.getBody()).isEqualTo(10);
        assertThat(read(policy).path("refundWindowDays").asInt()).isEqualTo(7);
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-s6", 601, Instant.now(), token,
                order(prefix + "-s6-1", 502, 10_000, 0)));
        assertThat(attributed(prefix + "-s6-1")).containsEntry("via", "LINK");

        // 小王's links, with what came of them; a manager of another store does not see them
        JsonNode links = read(http.exchange("/admin/v1/guide/me/share-links", HttpMethod.GET, new HttpEntity<>(wangSigned), String.class));
        assertThat(links.size()).isEqualTo(1);
        assertThat(links.get(0).path("token").asText()).isEqualTo(token);
        assertThat(links.get(0).path("visitors").asLong()).isEqualTo(1);
        assertThat(links.get(0).path("opens").asLong()).isEqualTo(2);
        assertThat(links.get(0).path("orders").asLong()).isEqualTo(2);
        assertThat(links.get(0).path("paidFen").asLong()).isEqualTo(40_000);
        assertThat(http.exchange("/admin/v1/guide/guides/" + wang + "/share-links", HttpMethod.GET,
                new HttpEntity<>(Http.staffAt(tenant, 9, 2, "MANAGER")), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(read(http.exchange("/admin/v1/guide/guides/" + wang + "/share-links", HttpMethod.GET, new HttpEntity<>(admin), String.class))
                .size()).isEqualTo(1);
    }

    @Test
    void shareLinksAreCheckedAndAPersonalCodeOrAnotherMallsLinkOpensNothing() {
        HttpHeaders li = Http.staff(tenant, 51, "GUIDE");
        assertThat(read(as(li, "/admin/v1/guide/me/share-links", Map.of("kind", "PRODUCT", "title", "羽绒服", "merchantId", 501))).path("code")
                .asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(read(as(li, "/admin/v1/guide/me/share-links", Map.of("kind", "PRODUCT", "title", "羽绒服", "merchantId", 900_001, "sku", "A1")))
                .path("code").asText()).isEqualTo("UNKNOWN_MERCHANT");
        assertThat(read(as(li, "/admin/v1/guide/me/share-links", Map.of("kind", "COUPON", "title", "券", "couponTemplateId", 900_001))).path("code")
                .asText()).isEqualTo("UNKNOWN_COUPONTEMPLATE");
        assertThat(as(li, "/admin/v1/guide/me/share-links", Map.of("kind", "GIFT", "title", "x")).getStatusCode().value()).isEqualTo(400);
        assertThat(as(Http.staff(tenant, 800_001, "CASHIER"), "/admin/v1/guide/me/share-links",
                Map.of("kind", "COUPON", "title", "券", "couponTemplateId", 77)).getStatusCode().value()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from guide_share_link where tenant_id = ?", Integer.class, tenant)).isZero();
        ResponseEntity<String> coupon = as(li, "/admin/v1/guide/me/share-links", Map.of("kind", "COUPON", "title", "满100减20", "couponTemplateId", 77));
        assertThat(coupon.getStatusCode().value()).as(coupon.getBody()).isEqualTo(201);
        String token = read(coupon).path("token").asText();

        HttpHeaders shopper = Http.member(tenant, 605);
        String code = read(http.exchange("/admin/v1/guide/me/code", HttpMethod.GET, new HttpEntity<>(li), String.class)).path("token").asText();
        assertThat(read(as(shopper, "/api/v1/guide/share-visits", Map.of("token", code))).path("code").asText()).isEqualTo("NOT_A_SHARE_LINK");
        assertThat(as(shopper, "/api/v1/guide/share-visits", Map.of("token", "not-a-token")).getStatusCode().value()).isEqualTo(400);
        assertThat(read(as(Http.member(tenant + 1, 605), "/api/v1/guide/share-visits", Map.of("token", token))).path("code").asText())
                .isEqualTo("GUIDE_CODE_INVALID");
        assertThat(jdbc.queryForObject("select count(*) from guide_share_visit where tenant_id in (?, ?)", Integer.class, tenant, tenant + 1))
                .isZero();

        // the guide leaves (their members go to 小张): the link still opens, but binds and credits nobody
        post("/admin/v1/guide/guides", Map.of("staffId", 54, "storeId", 1, "name", "小张", "phone", "13900000054"));
        ResponseEntity<String> left = as(admin, "/admin/v1/guide/guides/" + guide + "/handovers", Map.of("status", "LEFT", "reason", "离职"));
        assertThat(left.getStatusCode().value()).as(left.getBody()).isEqualTo(202);
        JsonNode visit = read(as(shopper, "/api/v1/guide/share-visits", Map.of("token", token)));
        assertThat(visit.path("link").path("couponTemplateId").asLong()).isEqualTo(77);
        assertThat(visit.hasNonNull("binding")).isFalse();
        assertThat(visit.hasNonNull("attribution")).isFalse();
        deliver(UUID.randomUUID().toString(), "PaymentSucceeded", paidVia(prefix + "-x1", 605, Instant.now(), token,
                order(prefix + "-x1-1", 502, 10_000, 0)));
        assertThat(attributed(prefix + "-x1-1")).isEmpty();
    }

    /** The attribution of an order: guide, via, and the link and campaign when via LINK (empty when nobody was credited). */
    private Map<String, Object> attributed(String orderNo) {
        Map<String, Object> row = jdbc.queryForMap("select guide_id, via, link_id, campaign from guide_attribution where tenant_id = ? and order_no = ?",
                tenant, orderNo);
        Map<String, Object> out = new LinkedHashMap<>();
        if (row.get("guide_id") != null) {
            out.put("guide", ((Number) row.get("guide_id")).longValue());
            out.put("via", row.get("via"));
        }
        if (row.get("link_id") != null) {
            out.put("link", ((Number) row.get("link_id")).longValue());
            out.put("campaign", row.get("campaign"));
        }
        return out;
    }

    /** The guide and amount of the order's EARN line. */
    private List<Long> earned(String orderNo) {
        return jdbc.query("select guide_id, amount_fen from guide_commission_line where tenant_id = ? and biz_key = ?",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)), tenant, "earn:" + orderNo).stream().findFirst().orElse(List.of());
    }

    private ResponseEntity<String> as(HttpHeaders caller, String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(caller)), String.class);
    }

    private void race(int n, java.util.function.IntFunction<Callable<Inbox.Outcome>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Inbox.Outcome>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Callable<Inbox.Outcome> call = task.apply(i);
            futures.add(pool.submit(() -> {
                start.await();
                // as the inbox listener does: a delivery that lost a race is delivered again
                for (int attempt = 1; ; attempt++) {
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        if (attempt == 5) {
                            throw e;
                        }
                    }
                }
            }));
        }
        start.countDown();
        for (Future<Inbox.Outcome> f : futures) {
            f.get();
        }
        pool.shutdown();
    }

    private Inbox.Outcome deliver(String messageId, String type, Map<String, Object> data) {
        Map<String, Object> envelope = Map.of("eventId", UUID.randomUUID().toString(), "type", type, "tenantId", tenant, "data", data);
        return inbox.process(new ReceivedEvent(messageId, tenant, "payment-service." + type, json.valueToTree(envelope), 1));
    }

    private static Map<String, Object> order(String orderNo, long merchantId, long grossFen, long discountFen) {
        Map<String, Object> order = new LinkedHashMap<>();
        order.put("orderNo", orderNo);
        order.put("merchantId", merchantId);
        order.put("storeId", 1);
        order.put("category", "food");
        order.put("grossFen", grossFen);
        order.put("discountFen", discountFen);
        return order;
    }

    @SafeVarargs
    private static Map<String, Object> paid(String paymentNo, long memberId, Instant paidAt, Map<String, Object>... orders) {
        return Map.of("paymentNo", paymentNo, "memberId", memberId, "paidAt", paidAt.toString(), "orders", List.of(orders));
    }

    @SafeVarargs
    private static Map<String, Object> paidVia(String paymentNo, long memberId, Instant paidAt, String attribution, Map<String, Object>... orders) {
        Map<String, Object> paid = new LinkedHashMap<>(paid(paymentNo, memberId, paidAt, orders));
        paid.put("attribution", attribution);
        return paid;
    }

    private static Map<String, Object> refunded(String orderNo, String refundNo, long grossFen) {
        return Map.of("refundNo", refundNo, "orderNo", orderNo, "grossFen", grossFen);
    }

    private List<Long> lines(String kind) {
        return jdbc.queryForList("select amount_fen from guide_commission_line where tenant_id = ? and kind = ? order by order_no, id", Long.class,
                tenant, kind);
    }

    private ResponseEntity<String> post(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, Http.write(admin)), String.class);
    }
}
