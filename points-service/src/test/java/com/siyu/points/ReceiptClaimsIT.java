package com.siyu.points;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * 拍小票积分 (issue 10 §6): a shopper claims a counter's receipt, customer service approves or rejects it;
 * an approved receipt earns once per receipt number per counter, shared with the counter's POS, and
 * duplicates, old, future and over-limit claims are refused with their own codes.
 */
@ServiceIT
class ReceiptClaimsIT extends PointsApi {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    HttpHeaders shopper;
    HttpHeaders otherShopper;
    HttpHeaders agent;

    @BeforeEach
    void counters() {
        shopper = Http.member(tenant, 71);
        otherShopper = Http.member(tenant, 72);
        agent = Http.staff(tenant, 41, "SERVICE_AGENT");
        memberService.stubFor(get(urlPathEqualTo("/internal/merchants/501")).atPriority(1)
                .willReturn(okJson("{\"id\":501,\"storeId\":101,\"code\":\"C-501\",\"brand\":\"Brand\",\"category\":\"apparel\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/merchants/502")).atPriority(1)
                .willReturn(okJson("{\"id\":502,\"storeId\":202,\"code\":\"C-502\",\"brand\":\"Other\",\"category\":\"food\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/members/lookup")).withQueryParam("kind", equalTo("PHONE"))
                .withQueryParam("value", equalTo("13800000072")).atPriority(1).willReturn(okJson("{\"id\":72}")));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathMatching("/internal/members/\\d+/growth")).willReturn(aResponse().withStatus(204)));
    }

    private ResponseEntity<String> claim(HttpHeaders who, long merchant, String receipt, long fen, LocalDate on) {
        return post("/api/v1/points/receipt-claims", map("merchantId", merchant, "receiptNo", receipt, "amountFen", fen,
                "purchasedOn", on.toString(), "photoRef", "receipts/2026/" + receipt + ".jpg"), Http.write(who));
    }

    private ResponseEntity<String> approve(HttpHeaders who, long id, Long fen) {
        return post("/admin/v1/points/receipt-claims/" + id + "/approval", map("amountFen", fen), Http.write(who));
    }

    private ResponseEntity<String> reject(HttpHeaders who, long id, String reason) {
        return post("/admin/v1/points/receipt-claims/" + id + "/rejection", map("reason", reason), Http.write(who));
    }

    private void refused(ResponseEntity<String> response, int status, String code) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(read(response).path("code").asText()).as(response.getBody()).isEqualTo(code);
    }

    @Test
    void anApprovedReceiptEarnsOnceForTheCorrectedAmountAndGrowsTheMember() {
        rate(1000);
        JsonNode pending = ok(claim(shopper, 501, "R-10", 20_000, TODAY.minusDays(1)));
        assertThat(pending.path("status").asText()).isEqualTo("PENDING");
        assertThat(pending.path("storeId").asLong()).isEqualTo(101);
        long id = pending.path("id").asLong();
        refused(claim(otherShopper, 501, "R-10", 20_000, TODAY), 409, "RECEIPT_ALREADY_CLAIMED");
        refused(approve(agent, id, 20_001L), 422, "APPROVED_AMOUNT_TOO_HIGH");
        assertThat(balance(71)).isZero();

        JsonNode approved = ok(approve(agent, id, 18_850L));                  // the photo shows ¥188.50
        assertThat(approved.path("status").asText()).isEqualTo("APPROVED");
        assertThat(approved.path("approvedFen").asLong()).isEqualTo(18_850);
        assertThat(approved.path("points").asLong()).isEqualTo(188);
        assertThat(approved.path("reviewedBy").asLong()).isEqualTo(41);
        // a retried approval replays: nothing more is earned
        assertThat(ok(approve(agent, id, null)).path("approvedFen").asLong()).isEqualTo(18_850);
        assertThat(balance(71)).isEqualTo(188);
        memberService.verify(postRequestedFor(urlPathEqualTo("/internal/members/71/growth"))
                .withRequestBody(matchingJsonPath("$.bizId", equalTo("pos:501:R-10")))
                .withRequestBody(matchingJsonPath("$.spendFen", equalTo("18850"))));
        // the counter's POS reporting the same receipt for someone else is refused; rejecting it now is too late
        ResponseEntity<String> pos = post("/admin/v1/points/pos-sales", map("merchantId", 501, "receiptNo", "R-10", "amountFen", 18_850,
                "member", map("kind", "PHONE", "value", "13800000072")), Http.write(Http.staffAt(tenant, 31, 101, "CASHIER")));
        refused(pos, 409, "RECEIPT_ALREADY_RECORDED");
        refused(reject(agent, id, "blurred"), 409, "CLAIM_ALREADY_REVIEWED");
        // the same number at another counter is another receipt
        assertThat(ok(claim(shopper, 502, "R-10", 1_000, TODAY)).path("status").asText()).isEqualTo("PENDING");

        JsonNode mine = getJson("/api/v1/points/receipt-claims", shopper);
        assertThat(mine).hasSize(2);
        assertThat(mine.get(1).path("id").asLong()).isEqualTo(id);
        assertThat(getJson("/api/v1/points/receipt-claims", otherShopper)).isEmpty();
        assertReconciled();
    }

    @Test
    void aRejectedReceiptEarnsNothingAndMayBeClaimedAgain() {
        rate(1000);
        long id = ok(claim(shopper, 501, "R-20", 5_000, TODAY)).path("id").asLong();
        JsonNode rejected = ok(reject(agent, id, "The photo does not show the receipt number"));
        assertThat(rejected.path("status").asText()).isEqualTo("REJECTED");
        assertThat(rejected.path("reason").asText()).startsWith("The photo");
        assertThat(ok(reject(agent, id, "again")).path("reason").asText()).startsWith("The photo");   // unchanged
        refused(approve(agent, id, null), 409, "CLAIM_ALREADY_REVIEWED");
        assertThat(balance(71)).isZero();

        long second = ok(claim(shopper, 501, "R-20", 5_000, TODAY)).path("id").asLong();
        assertThat(ok(approve(agent, second, null)).path("points").asLong()).isEqualTo(50);
        assertThat(balance(71)).isEqualTo(50);
    }

    @Test
    void oldFutureOversizedForeignAndAlreadyRecordedReceiptsAreRefused() {
        rate(1000);
        refused(claim(shopper, 501, "R-30", 5_000_001, TODAY), 422, "RECEIPT_OVER_LIMIT");
        refused(claim(shopper, 501, "R-31", 100, TODAY.minusDays(8)), 422, "RECEIPT_TOO_OLD");
        refused(claim(shopper, 501, "R-32", 100, TODAY.plusDays(2)), 422, "RECEIPT_DATE_INVALID");
        refused(claim(shopper, 900_001, "R-33", 100, TODAY), 422, "UNKNOWN_MERCHANT");
        ok(post("/admin/v1/points/pos-sales", map("merchantId", 501, "receiptNo", "R-34", "amountFen", 1_000,
                "member", map("kind", "PHONE", "value", "13800000072")), Http.write(Http.staffAt(tenant, 31, 101, "CASHIER"))));
        refused(claim(otherShopper, 501, "R-34", 1_000, TODAY), 409, "RECEIPT_ALREADY_RECORDED");
        ResponseEntity<String> badPhoto = post("/api/v1/points/receipt-claims", map("merchantId", 501, "receiptNo", "R-35",
                "amountFen", 100, "purchasedOn", TODAY.toString(), "photoRef", "javascript:alert(1)"), Http.write(shopper));
        refused(badPhoto, 400, "VALIDATION_FAILED");
        refused(post("/api/v1/points/receipt-claims", map("merchantId", 501, "receiptNo", "R-36", "amountFen", 100,
                "purchasedOn", TODAY.toString(), "photoRef", "x.jpg"), Http.write(operator)), 403, "CALLER_NOT_ALLOWED");
        // the tenant's own limits
        ok(put("/admin/v1/points/receipt-rules", map("maxAmountFen", 10_000_000, "maxAgeDays", 30, "dailyClaims", 5), Http.write(operator)));
        assertThat(ok(claim(shopper, 501, "R-31", 100, TODAY.minusDays(8))).path("status").asText()).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("select count(*) from points_receipt_claim where tenant_id = ?", Integer.class, tenant)).isEqualTo(1);
        // reviewers: a cashier may not, a store-bound agent sees only their store
        refused(approve(Http.staff(tenant, 31, "CASHIER"), 1, null), 403, "ROLE_REQUIRED");
        long id = getJson("/admin/v1/points/receipt-claims?status=PENDING", agent).get(0).path("id").asLong();
        refused(approve(Http.staffAt(tenant, 42, 202, "SERVICE_AGENT"), id, null), 404, "NOT_FOUND");
        assertThat(getJson("/admin/v1/points/receipt-claims", Http.staffAt(tenant, 42, 202, "SERVICE_AGENT"))).isEmpty();
        assertThat(getJson("/admin/v1/points/receipt-claims", Http.staff(tenant + 1, 41, "SERVICE_AGENT"))).isEmpty();
    }

    @Test
    void concurrentClaimsKeepTheDailyLimitAndConcurrentReviewsDecideOnce() throws Exception {
        rate(1000);
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ResponseEntity<String>>> results = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String receipt = "R-4" + i;
                results.add(pool.submit(() -> {
                    start.await();
                    return claim(shopper, 501, receipt, 1_000, TODAY);
                }));
            }
            start.countDown();
            int created = 0;
            int limited = 0;
            for (Future<ResponseEntity<String>> f : results) {
                ResponseEntity<String> r = f.get();
                if (r.getStatusCode().value() == 201) {
                    created++;
                } else {
                    refused(r, 422, "RECEIPT_DAILY_LIMIT");
                    limited++;
                }
            }
            assertThat(created).isEqualTo(3);
            assertThat(limited).isEqualTo(9);
            assertThat(jdbc.queryForObject("select used from points_receipt_quota where tenant_id = ? and member_id = 71", Integer.class, tenant))
                    .isEqualTo(3);

            // two agents on the same claim, one approving and one rejecting, at once: one decision, points at most once
            long id = getJson("/api/v1/points/receipt-claims", shopper).get(0).path("id").asLong();
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<ResponseEntity<String>>> reviews = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                boolean approving = i % 2 == 0;
                HttpHeaders who = Http.staff(tenant, 50 + i, "SERVICE_AGENT");
                reviews.add(() -> {
                    go.await();
                    return approving ? approve(who, id, null) : reject(who, id, "duplicate");
                });
            }
            List<Future<ResponseEntity<String>>> decided = new ArrayList<>();
            for (Callable<ResponseEntity<String>> review : reviews) {
                decided.add(pool.submit(review));
            }
            go.countDown();
            for (Future<ResponseEntity<String>> f : decided) {
                int status = f.get().getStatusCode().value();
                assertThat(status).as(f.get().getBody()).isIn(200, 409);
            }
            String status = jdbc.queryForObject("select status from points_receipt_claim where id = ?", String.class, id);
            assertThat(balance(71)).isEqualTo("APPROVED".equals(status) ? 10 : 0);
            assertReconciled();
        } finally {
            pool.shutdownNow();
        }
    }
}
