package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.payment.refund.domain.Refunding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Refunds against the real MariaDB and Seata TC, with points-/coupon-service and WeChat Pay stubbed:
 * what goes back in cash, points, coupons and subsidies, once, and what happens when a branch or the
 * channel fails.
 */
@ServiceIT
class RefundIT extends CashierApi {

    @Autowired
    Refunding refunding;

    private void pointsRefundAnswers(long reversed) {
        services.stubFor(post(urlEqualTo("/internal/points/refunds")).willReturn(ok("{\"bizId\":\"x\",\"returned\":1,\"reversed\":" + reversed
                + ",\"debtRecorded\":0,\"balanceAfter\":100}")));
    }

    private void couponRestoreAnswers() {
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/restore")).willReturn(ok("{\"paymentId\":\"x\",\"discountFen\":1000,"
                + "\"merchantFen\":250,\"platformFen\":750,\"coupons\":[{\"couponId\":501,\"templateId\":9,\"discountFen\":1000,\"merchantFen\":250,"
                + "\"platformFen\":750,\"status\":\"RESTORED\"}],\"allocations\":[]}")));
    }

    @Test
    void partialThenFullRefundsGiveBackCashPointsTheCouponAndTheSubsidiesExactlyOnce() throws Exception {
        String no = paidPayment();
        JsonNode payment = read(http.exchange("/admin/v1/payment/payments/" + no, HttpMethod.GET, new HttpEntity<>(staff()), String.class));
        JsonNode fashion = payment.path("orders").get(0);
        JsonNode food = payment.path("orders").get(1);
        long fashionCash = fashion.path("cashFen").asLong();
        pointsRefundAnswers(40);
        couponRestoreAnswers();
        wechat.refundAnswers("PROCESSING");

        // a third of the ¥1500 order comes back: a third of its cash, points and discounts
        ResponseEntity<String> third = refund(no, fashion.path("orderNo").asText(), 50_000L, Http.write(staff()));
        assertThat(third.getStatusCode().value()).as(third.getBody()).isEqualTo(201);
        JsonNode r1 = read(third);
        assertThat(r1.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(r1.path("cashFen").asLong()).isEqualTo(fashionCash / 3);
        assertThat(r1.path("pointsReversed").asLong()).isEqualTo(40);
        assertThat(r1.path("orderFullyRefunded").asBoolean()).isFalse();
        String refundNo = r1.path("refundNo").asText();
        // points: one call, a branch of the global transaction, naming the payment's points and the order's earnings
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/refunds")).withHeader("TX_XID", matching(".+"))
                .withRequestBody(matchingJsonPath("$.bizId", equalTo(refundNo)))
                .withRequestBody(matchingJsonPath("$.paymentBizId", equalTo(no)))
                .withRequestBody(matchingJsonPath("$.earnBizId", equalTo(fashion.path("orderNo").asText())))
                .withRequestBody(matchingJsonPath("$.refundFen", equalTo(Long.toString(fashionCash / 3)))));
        // the coupon is on this order only, which is not fully refunded: it stays used
        services.verify(0, postRequestedFor(urlMatching("/internal/coupon/payments/.*/restore")));
        // WeChat Pay: the cash part, out of the payment's total, signed, outside the global transaction
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds"))
                .withHeader("Authorization", matching("WECHATPAY2-SHA256-RSA2048 mchid=\"" + WechatPayStub.MCH_ID + "\".*"))
                .withHeader("TX_XID", absent())
                .withRequestBody(matchingJsonPath("$.out_refund_no", equalTo(refundNo)))
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(no)))
                .withRequestBody(matchingJsonPath("$.amount.refund", equalTo(Long.toString(fashionCash / 3))))
                .withRequestBody(matchingJsonPath("$.amount.total", equalTo("143000"))));
        assertThat(events("PaymentRefunded")).isZero();

        // WeChat Pay confirms, five times at once: one success, one event
        WechatPayStub.Notification done = wechat.refundNotification(no, refundNo, "SUCCESS", fashionCash / 3, 143_000, wechat.platform.getPrivate());
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            deliveries.add(() -> notifyRefund(done).getStatusCode().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(deliveries)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(204);
        assertThat(refundStatus(refundNo)).isEqualTo("SUCCEEDED");
        assertThat(events("PaymentRefunded")).isEqualTo(1);

        // the rest of that order: WeChat Pay succeeds at once, and now the coupon goes back
        wechat.refundAnswers("SUCCESS");
        JsonNode r2 = read(refund(no, fashion.path("orderNo").asText(), null, Http.write(staff())));
        assertThat(r2.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(r2.path("cashFen").asLong()).isEqualTo(fashionCash - fashionCash / 3);
        assertThat(r2.path("restoredCouponIds").get(0).asLong()).isEqualTo(501);
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/payments/" + no + "/restore")).withHeader("TX_XID", matching(".+"))
                .withRequestBody(matchingJsonPath("$.couponIds[0]", equalTo("501"))));
        ResponseEntity<String> again = refund(no, fashion.path("orderNo").asText(), 1L, Http.write(staff()));
        assertThat(again.getStatusCode().value()).isEqualTo(422);
        assertThat(read(again).path("code").asText()).isEqualTo("REFUND_ORDER_ALREADY_REFUNDED");

        JsonNode r3 = read(refund(no, food.path("orderNo").asText(), null, Http.write(staff())));
        assertThat(r3.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(events("PaymentRefunded")).isEqualTo(3);

        // everything is back: all the cash, all 3_000 points, every discount line's funding
        assertThat(db.queryForObject("SELECT SUM(cash_fen) FROM refund WHERE payment_no = ?", Long.class, no)).isEqualTo(143_000);
        long returned = 0;
        for (LoggedRequest request : services.findAll(postRequestedFor(urlEqualTo("/internal/points/refunds")))) {
            returned += json.readTree(request.getBodyAsString()).path("returnPoints").asLong();
        }
        assertThat(returned).isEqualTo(3_000);
        Map<String, Object> granted = db.queryForMap("SELECT SUM(platform_fen) p, SUM(merchant_fen) m FROM discount_line WHERE tenant_id = ?", tenant);
        Map<String, Object> reversed = db.queryForMap("SELECT SUM(platform_fen) p, SUM(merchant_fen) m FROM refund_line WHERE tenant_id = ?", tenant);
        assertThat(reversed).isEqualTo(granted);
        assertThat(db.queryForObject("SELECT SUM(refunded_gross_fen) FROM merchant_order WHERE tenant_id = ?", Long.class, tenant)).isEqualTo(170_000);
        JsonNode subsidy = read(http.exchange("/admin/v1/payment/merchants/11/subsidies?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z",
                HttpMethod.GET, new HttpEntity<>(Http.staff(tenant, 9, "OPERATOR")), String.class));
        assertThat(subsidy.path("platformFen").asLong()).isPositive();
        assertThat(subsidy.path("platformNetFen").asLong()).isZero();
        assertThat(subsidy.path("merchantNetFen").asLong()).isZero();

        // the shopper sees the three refunds of their payment; nobody else does
        JsonNode mine = read(http.exchange("/api/v1/payment/payments/" + no + "/refunds", HttpMethod.GET, new HttpEntity<>(shopper), String.class));
        assertThat(mine.size()).isEqualTo(3);
        assertThat(http.exchange("/api/v1/payment/payments/" + no + "/refunds", HttpMethod.GET,
                new HttpEntity<>(Http.member(tenant, member + 1)), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/payment/payments/" + no + "/refunds", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 1, "MANAGER")), String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void whenThePointsBranchRefusesNothingIsRecordedAndNoCashMoves() {
        String no = paidPayment();
        couponRestoreAnswers();
        services.stubFor(post(urlEqualTo("/internal/points/refunds")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"POINTS_ALREADY_SPENT\",\"detail\":\"80 of the 100 points to take back were spent\"}")));
        wechat.refundAnswers("SUCCESS");
        ResponseEntity<String> refused = refund(no, no + "-1", null, Http.write(staff()));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("POINTS_ALREADY_SPENT");
        // the coupon restore ran first, as a branch of the same global transaction (coupon-service undoes it on the TC's rollback)
        services.verify(1, postRequestedFor(urlMatching("/internal/coupon/payments/.*/restore")).withHeader("TX_XID", matching(".+")));
        assertNothingRefunded(no);
    }

    @Test
    void whenTheCouponBranchFailsTheTcUndoesTheClaimAlreadyCommittedHereAndPointsAreNotAsked() {
        String no = paidPayment();
        pointsRefundAnswers(10);
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/restore")).willReturn(aResponse().withStatus(500)));
        wechat.refundAnswers("SUCCESS");
        ResponseEntity<String> failed = refund(no, no + "-1", null, Http.write(staff()));
        assertThat(failed.getStatusCode().value()).as(failed.getBody()).isGreaterThanOrEqualTo(500);
        services.verify(0, postRequestedFor(urlEqualTo("/internal/points/refunds")));
        assertNothingRefunded(no);
        // and the order can be refunded once the coupon-service answers again
        couponRestoreAnswers();
        assertThat(refund(no, no + "-1", null, Http.write(staff())).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void aRefundTheChannelDoesNotTakeIsAskedAgainWithTheSameNumberUntilItIs() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechatServer.stubFor(post(urlEqualTo("/v3/refund/domestic/refunds")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统超时\"}")));
        JsonNode r = read(refund(no, no + "-2", 10_000L, Http.write(staff())));
        assertThat(r.path("status").asText()).isEqualTo("PROCESSING");
        assertThat(r.path("channelAttempts").asInt()).isEqualTo(1);
        assertThat(r.path("lastChannelError").asText()).isNotBlank();
        String refundNo = r.path("refundNo").asText();
        // not due yet: the job leaves it alone
        refunding.retryDue(10);
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));

        wechat.refundAnswers("PROCESSING");
        due(refundNo);
        refunding.retryDue(10);
        assertThat(refundStatus(refundNo)).isEqualTo("PROCESSING");
        wechatServer.verify(2, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds"))
                .withRequestBody(matchingJsonPath("$.out_refund_no", equalTo(refundNo))));

        // accepted but never notified: the job asks WeChat Pay, which says it succeeded
        wechatServer.stubFor(get(urlEqualTo("/v3/refund/domestic/refunds/" + refundNo)).willReturn(wechat.signed(200,
                "{\"refund_id\":\"5030\",\"out_refund_no\":\"" + refundNo + "\",\"transaction_id\":\"42\",\"out_trade_no\":\"" + no
                        + "\",\"channel\":\"ORIGINAL\",\"user_received_account\":\"x\",\"success_time\":\"2026-12-01T10:00:00+08:00\","
                        + "\"create_time\":\"2026-12-01T09:59:00+08:00\",\"status\":\"SUCCESS\",\"amount\":{\"total\":143000,\"refund\":1,"
                        + "\"payer_total\":143000,\"payer_refund\":1,\"settlement_refund\":1,\"settlement_total\":143000,\"discount_refund\":0,"
                        + "\"currency\":\"CNY\"}}")));
        due(refundNo);
        refunding.retryDue(10);
        assertThat(refundStatus(refundNo)).isEqualTo("SUCCEEDED");
        assertThat(events("PaymentRefunded")).isEqualTo(1);
        wechatServer.verify(2, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));
    }

    @Test
    void aRefundTheChannelKeepsRefusingBecomesAbnormalForAPersonToSettle() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechatServer.stubFor(post(urlEqualTo("/v3/refund/domestic/refunds")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":\"INVALID_REQUEST\",\"message\":\"超过退款期限\"}")));
        String refundNo = read(refund(no, no + "-2", 5_000L, Http.write(staff()))).path("refundNo").asText();
        for (int attempt = 2; attempt <= Refunding.MAX_CHANNEL_ATTEMPTS; attempt++) {
            assertThat(refundStatus(refundNo)).as("attempt " + attempt).isEqualTo("PROCESSING");
            due(refundNo);
            refunding.retryDue(10);
        }
        assertThat(refundStatus(refundNo)).isEqualTo("ABNORMAL");
        assertThat(db.queryForObject("SELECT last_error FROM refund WHERE refund_no = ?", String.class, refundNo)).contains("refused");
        wechatServer.verify(Refunding.MAX_CHANNEL_ATTEMPTS, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));
        refunding.retryDue(10);
        wechatServer.verify(Refunding.MAX_CHANNEL_ATTEMPTS, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));
        assertThat(events("PaymentRefunded")).isZero();
    }

    @Test
    void concurrentRefundsOfOneOrderNeverRefundMoreThanItAndLeaveNoHalfState() throws Exception {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechat.refundAnswers("SUCCESS");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(() -> refund(no, no + "-1", 40_000L, Http.write(staff())).getStatusCode().value());
        }
        long t0 = System.nanoTime();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        System.out.printf("8 concurrent refunds of one order: %d ms, statuses %s%n", (System.nanoTime() - t0) / 1_000_000, statuses);
        long created = statuses.stream().filter(s -> s == 201).count();
        assertThat(created).isBetween(1L, 3L);
        assertThat(statuses).allMatch(s -> s == 201 || s == 409 || s == 422);
        long refunded = db.queryForObject("SELECT refunded_gross_fen FROM merchant_order WHERE order_no = ?", Long.class, no + "-1");
        assertThat(refunded).isEqualTo(created * 40_000);
        assertThat(db.queryForObject("SELECT COALESCE(SUM(gross_fen), 0) FROM refund WHERE payment_no = ?", Long.class, no)).isEqualTo(refunded);
        assertThat(db.queryForObject("SELECT refund_version FROM checkout_payment WHERE payment_no = ?", Integer.class, no)).isEqualTo((int) created);
    }

    @Test
    void badInputRolesOtherTenantsUnpaidPaymentsAndForgedNotificationsAreRefused() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechat.refundAnswers("SUCCESS");
        ResponseEntity<String> bad = http.exchange("/admin/v1/payment/payments/" + no + "/refunds", HttpMethod.POST,
                new HttpEntity<>(Map.of("orderNo", "has spaces", "amountFen", -5), Http.write(staff())), String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).contains("orderNo", "amountFen", "reason");
        assertThat(refund(no, no + "-1", 200_000L, Http.write(staff())).getStatusCode().value()).isEqualTo(422);
        assertThat(read(refund(no, no + "-9", null, Http.write(staff()))).path("code").asText()).isEqualTo("REFUND_ORDER_UNKNOWN");
        assertThat(refund(no, no + "-1", null, Http.write(Http.staff(tenant, 4, "GUIDE"))).getStatusCode().value()).isEqualTo(403);
        assertThat(refund(no, no + "-1", null, Http.write(shopper)).getStatusCode().value()).isIn(401, 403);
        assertThat(refund(no, no + "-1", null, Http.write(Http.staff(tenant + 1, 4, "MANAGER"))).getStatusCode().value()).isEqualTo(404);
        assertThat(refund(no, no + "-1", null, staff()).getStatusCode().value()).as("no Idempotency-Key").isEqualTo(400);
        assertNothingRefunded(no);

        String pending = openedPayment(20_000, 0);
        ResponseEntity<String> unpaid = refund(pending, pending + "-1", null, Http.write(staff()));
        assertThat(unpaid.getStatusCode().value()).isEqualTo(409);
        assertThat(read(unpaid).path("code").asText()).isEqualTo("PAYMENT_NOT_PAID");

        // a refund notification signed by someone else, or about a refund nobody made, changes nothing
        String refundNo = read(refund(no, no + "-2", 1_000L, Http.write(staff()))).path("refundNo").asText();
        ResponseEntity<String> forged = notifyRefund(wechat.refundNotification(no, refundNo, "ABNORMAL", 1, 143_000, wechat.impostor.getPrivate()));
        assertThat(forged.getStatusCode().value()).isEqualTo(400);
        assertThat(read(forged).path("code").asText()).isEqualTo("NOTIFICATION_SIGNATURE_INVALID");
        ResponseEntity<String> unknown = notifyRefund(wechat.refundNotification(no, "RFNOBODY", "SUCCESS", 1, 143_000, wechat.platform.getPrivate()));
        assertThat(read(unknown).path("code").asText()).isEqualTo("NOTIFICATION_UNKNOWN_REFUND");
        assertThat(refundStatus(refundNo)).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCounterCashierRefundsTheOrdersOfTheirOwnStoreOnly() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechat.refundAnswers("SUCCESS");
        // the ¥200 order was paid at store 102; a cashier of store 101 may not refund it, nor one without a store
        ResponseEntity<String> other = refund(no, no + "-2", 1_000L, Http.write(Http.staffAt(tenant, 5, 101, "CASHIER")));
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(read(other).path("code").asText()).isEqualTo("REFUND_OTHER_STORE");
        assertThat(read(refund(no, no + "-2", 1_000L, Http.write(Http.staff(tenant, 5, "CASHIER")))).path("code").asText())
                .isEqualTo("REFUND_STORE_UNKNOWN");
        assertNothingRefunded(no);
        assertThat(refund(no, no + "-2", 1_000L, Http.write(Http.staffAt(tenant, 6, 102, "CASHIER"))).getStatusCode().value()).isEqualTo(201);
        assertThat(refund(no, no + "-1", 1_000L, Http.write(Http.staffAt(tenant, 6, 102, "CASHIER"))).getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anAbnormalRefundIsLeftForCustomerServiceWithoutAnEvent() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechat.refundAnswers("PROCESSING");
        String refundNo = read(refund(no, no + "-2", 5_000L, Http.write(staff()))).path("refundNo").asText();
        assertThat(notifyRefund(wechat.refundNotification(no, refundNo, "ABNORMAL", 1, 143_000, wechat.platform.getPrivate()))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(refundStatus(refundNo)).isEqualTo("ABNORMAL");
        // a late SUCCESS for the same refund does not resurrect it silently; an operator settles it
        notifyRefund(wechat.refundNotification(no, refundNo, "SUCCESS", 1, 143_000, wechat.platform.getPrivate()));
        assertThat(refundStatus(refundNo)).isEqualTo("ABNORMAL");
        assertThat(events("PaymentRefunded")).isZero();
    }

    @Test
    void anotherServicesRefundUnderItsOwnNumberIsMadeOnceAndOnlyForItsOrder() {
        String no = paidPayment();
        pointsRefundAnswers(0);
        wechat.refundAnswers("SUCCESS");
        // the caller's own number (refund numbers are unique across tenants: a fresh one per run)
        String number = "RW" + java.util.HexFormat.of().withUpperCase().formatHex(java.nio.ByteBuffer.allocate(12).putLong(System.nanoTime())
                .putInt(java.util.concurrent.ThreadLocalRandom.current().nextInt()).array());
        Map<String, Object> body = Map.of("refundNo", number, "paymentNo", no, "orderNo", no + "-2", "amountFen", 1_000, "reason", "work order 7",
                "staffId", 5);
        ResponseEntity<String> first = http.exchange("/internal/payment/refunds", HttpMethod.POST, new HttpEntity<>(body, Http.internal(tenant)),
                String.class);
        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
        assertThat(read(first).path("refundNo").asText()).isEqualTo(number);
        // asked again (the caller did not hear the answer): the same refund, nothing more refunded
        ResponseEntity<String> again = http.exchange("/internal/payment/refunds", HttpMethod.POST, new HttpEntity<>(body, Http.internal(tenant)),
                String.class);
        assertThat(read(again).path("refundNo").asText()).isEqualTo(number);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE tenant_id = ?", Long.class, tenant)).isEqualTo(1);
        // the number for another order, a number not of the caller's form, another tenant's payment: refused
        Map<String, Object> otherOrder = new java.util.HashMap<>(body);
        otherOrder.put("orderNo", no + "-1");
        assertThat(http.exchange("/internal/payment/refunds", HttpMethod.POST, new HttpEntity<>(otherOrder, Http.internal(tenant)), String.class)
                .getStatusCode().value()).isEqualTo(409);
        Map<String, Object> badNumber = new java.util.HashMap<>(body);
        badNumber.put("refundNo", "RF123");
        assertThat(http.exchange("/internal/payment/refunds", HttpMethod.POST, new HttpEntity<>(badNumber, Http.internal(tenant)), String.class)
                .getStatusCode().value()).isEqualTo(400);
        Map<String, Object> otherTenant = new java.util.HashMap<>(body);
        otherTenant.put("refundNo", number.substring(0, 25) + (number.endsWith("0") ? "1" : "0"));
        assertThat(http.exchange("/internal/payment/refunds", HttpMethod.POST, new HttpEntity<>(otherTenant, Http.internal(tenant + 1)), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE tenant_id = ?", Long.class, tenant)).isEqualTo(1);
    }

    private void assertNothingRefunded(String no) {
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE tenant_id = ?", Long.class, tenant)).isZero();
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund_line WHERE tenant_id = ?", Long.class, tenant)).isZero();
        assertThat(db.queryForObject("SELECT SUM(refunded_gross_fen) FROM merchant_order WHERE tenant_id = ?", Long.class, tenant)).isZero();
        assertThat(db.queryForObject("SELECT refund_version FROM checkout_payment WHERE payment_no = ?", Integer.class, no)).isZero();
        wechatServer.verify(0, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));
    }

    private HttpHeaders staff() {
        return Http.staff(tenant, 9, "SERVICE_AGENT");
    }

    private ResponseEntity<String> refund(String no, String orderNo, Long amountFen, HttpHeaders headers) {
        Map<String, Object> body = new HashMap<>();
        body.put("orderNo", orderNo);
        body.put("reason", "returned at the counter");
        if (amountFen != null) {
            body.put("amountFen", amountFen);
        }
        return http.exchange("/admin/v1/payment/payments/" + no + "/refunds", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    }

    private ResponseEntity<String> notifyRefund(WechatPayStub.Notification n) {
        return http.exchange("/api/v1/payment/notifications/wechat/refunds", HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()), String.class);
    }

    private String refundStatus(String refundNo) {
        return db.queryForObject("SELECT status FROM refund WHERE refund_no = ?", String.class, refundNo);
    }

    private long events(String type) {
        return db.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE tenant_id = ? AND type = ?", Long.class, tenant, type);
    }

    private void due(String refundNo) {
        db.update("UPDATE refund SET next_attempt_at = '2000-01-01 00:00:00' WHERE refund_no = ?", refundNo);
    }
}
