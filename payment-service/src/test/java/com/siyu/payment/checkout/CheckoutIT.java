package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import com.siyu.common.context.SiyuHeaders;
import com.siyu.common.test.Http;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.test.ServiceIT;
import com.siyu.payment.checkout.domain.PaymentExpiry;
import com.siyu.payment.checkout.domain.Payments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * The cashier against the real MariaDB and the real Seata TC (127.0.0.1:8091); member-, coupon- and
 * points-service and WeChat Pay stubbed with WireMock. WeChat Pay's answers and notifications are
 * signed with a platform key generated here and verified by WxJava for real.
 */
@ServiceIT
@ExtendWith(OutputCaptureExtension.class)
class CheckoutIT extends CashierApi {

    // ---------------------------------------------------------------- A. quote

    @Test
    void aCombinedOrderIsQuotedWithComboTierCouponAndPointsEachLineSayingWhoFundsIt() {
        // coupon-service: a ¥50 coupon on the FOOD order, merchant funds ¥20 of it
        services.stubFor(post(urlEqualTo("/internal/coupon/quotes")).willReturn(ok("""
                {"applicable":[{"couponId":501,"templateId":9,"name":"50 off","type":"CASH","discountFen":5000,"merchantFen":2000,
                  "platformFen":3000,"allocations":[{"line":1,"merchantId":12,"discountFen":5000}]}],
                 "best":{"couponIds":[501],"discountFen":5000,"coupons":[{"couponId":501,"templateId":9,"name":"50 off","type":"CASH",
                  "discountFen":5000,"merchantFen":2000,"platformFen":3000,"allocations":[{"line":1,"merchantId":12,"discountFen":5000}]}]}}""")));

        ResponseEntity<String> quoted = http.exchange("/api/v1/payment/quotes", HttpMethod.POST,
                new HttpEntity<>(Map.of("orders", List.of(Map.of("merchantId", 11, "amountFen", 150_000),
                        Map.of("merchantId", 12, "amountFen", 120_000))), shopper), String.class);
        assertThat(quoted.getStatusCode().value()).as(quoted.getBody()).isEqualTo(200);
        JsonNode q = read(quoted);
        // 连单 10 %: 15_000 + 12_000 (under ¥200/order, ¥500/payment), merchant funds half
        // 满减: gross 270_000 ≥ 100_000 → 8_000, over what is left (135_000 : 108_000) → 4_444 : 3_556, mall-funded
        assertThat(q.path("grossFen").asLong()).isEqualTo(270_000);
        assertThat(q.path("promotionFen").asLong()).isEqualTo(27_000 + 8_000);
        assertThat(q.path("couponFen").asLong()).isEqualTo(5_000);
        // points: at most half of what is left (270_000 - 35_000 - 5_000 = 230_000) → 115_000 fen, but the member has 100_000 points
        assertThat(q.path("maxPoints").asLong()).isEqualTo(100_000);
        assertThat(q.path("pointsUsed").asLong()).isEqualTo(100_000);
        assertThat(q.path("pointsFen").asLong()).isEqualTo(100_000);
        assertThat(q.path("cashFen").asLong()).isEqualTo(130_000);
        assertThat(q.path("merchantFundedFen").asLong()).isEqualTo(7_500 + 6_000 + 2_000);
        assertThat(q.path("platformFundedFen").asLong() + q.path("merchantFundedFen").asLong()).isEqualTo(140_000);
        JsonNode food = q.path("orders").get(1);
        assertThat(food.path("lines").findValuesAsText("kind")).containsExactly("COMBO", "TIER", "COUPON", "POINTS");
        assertThat(q.path("chosenCouponIds").get(0).asLong()).isEqualTo(501);
        // coupon-service priced what promotions left of each order, with the merchant's store and category
        services.verify(postRequestedFor(urlEqualTo("/internal/coupon/quotes"))
                .andMatching(r -> com.github.tomakehurst.wiremock.matching.MatchResult.of(
                        com.siyu.common.test.TestTokens.actsFor(r.getHeader("Authorization"), tenant)))
                .withRequestBody(matchingJsonPath("$.cart.lines[0].amountFen", equalTo("130556")))
                .withRequestBody(matchingJsonPath("$.cart.lines[1].amountFen", equalTo("104444")))
                .withRequestBody(matchingJsonPath("$.cart.lines[1].category", equalTo("FOOD"))));
        // a quote is a read: no Idempotency-Key, nothing recorded
        assertThat(count("checkout_payment")).isZero();
    }

    @Test
    void askingForMorePointsThanAllowedIsRefusedWithTheMaximum() {
        noCoupons();
        ResponseEntity<String> refused = http.exchange("/api/v1/payment/quotes", HttpMethod.POST,
                new HttpEntity<>(Map.of("orders", List.of(Map.of("merchantId", 11, "amountFen", 10_000)), "points", 6_000), shopper), String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(read(refused).path("code").asText()).isEqualTo("POINTS_OVER_CAP");
        assertThat(read(refused).path("maxPoints").asLong()).isEqualTo(5_000);
    }

    // ---------------------------------------------------------------- B/C. pay

    @Test
    void payingLocksCouponsReservesPointsRecordsEveryLineAndGetsASignedPrepay() {
        lockAnswers(2_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        wechat.prepayAnswers("wx201410272009395522657a690389285100");

        ResponseEntity<String> paid = pay(List.of(Map.of("merchantId", 11, "amountFen", 150_000), Map.of("merchantId", 12, "amountFen", 20_000)),
                List.of(501), 3_000, Http.write(shopper));
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
        JsonNode p = read(paid);
        String no = p.path("paymentNo").asText();
        // 连单: two shops, only the ¥1500 order reaches ¥1000 → 15_000; 满减 on gross 170_000 → 8_000;
        // coupon 2_000 on order 0; points 3_000 (1 point = 1 fen)
        assertThat(p.path("status").asText()).isEqualTo("PENDING");
        assertThat(p.path("grossFen").asLong()).isEqualTo(170_000);
        assertThat(p.path("discountFen").asLong()).isEqualTo(15_000 + 8_000 + 2_000);
        assertThat(p.path("pointsFen").asLong()).isEqualTo(3_000);
        assertThat(p.path("cashFen").asLong()).isEqualTo(170_000 - 25_000 - 3_000);
        assertThat(p.path("payParams").path("package").asText()).isEqualTo("prepay_id=wx201410272009395522657a690389285100");
        assertThat(p.path("payParams").path("paySign").asText()).isNotBlank();

        Map<String, Object> row = db.queryForMap("SELECT * FROM checkout_payment WHERE payment_no = ?", no);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("prepay_id")).isEqualTo("wx201410272009395522657a690389285100");
        assertThat(((Number) row.get("cash_fen")).longValue()).isEqualTo(142_000);
        assertThat(db.queryForObject("SELECT SUM(cash_fen) FROM merchant_order WHERE payment_id = ?", Long.class, row.get("id"))).isEqualTo(142_000);
        assertThat(db.queryForObject("SELECT SUM(amount_fen) FROM discount_line WHERE payment_id = ?", Long.class, row.get("id")))
                .isEqualTo(28_000);
        assertThat(db.queryForList("SELECT DISTINCT kind FROM discount_line WHERE payment_id = ?", String.class, row.get("id")))
                .containsExactlyInAnyOrder("COMBO", "TIER", "COUPON", "POINTS");

        // coupon lock and points reservation ran as branches of the global transaction (the XID travelled)
        services.verify(postRequestedFor(urlEqualTo("/internal/coupon/payments/" + no + "/lock")).withHeader("TX_XID", matching(".+"))
                .withRequestBody(matchingJsonPath("$.couponIds[0]", equalTo("501"))));
        services.verify(postRequestedFor(urlEqualTo("/internal/points/reservations")).withHeader("TX_XID", matching(".+"))
                .withRequestBody(matchingJsonPath("$.bizId", equalTo(no)))
                .withRequestBody(matchingJsonPath("$.points", equalTo("3000"))));
        // WeChat Pay: JSAPI prepay for the cash part, signed with the merchant key, outside the global transaction
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi"))
                .withHeader("Authorization", matching("WECHATPAY2-SHA256-RSA2048 mchid=\"" + WechatPayStub.MCH_ID + "\".*"))
                .withHeader("TX_XID", com.github.tomakehurst.wiremock.client.WireMock.absent())
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(no)))
                .withRequestBody(matchingJsonPath("$.amount.total", equalTo("142000")))
                .withRequestBody(matchingJsonPath("$.payer.openid", equalTo("oUpF8uMuAJO_M2pxb1Q9zNjWeS6o"))));

        // the shopper sees it; another member of the tenant and another tenant do not
        assertThat(http.exchange("/api/v1/payment/payments/" + no, HttpMethod.GET, new HttpEntity<>(shopper), String.class)
                .getStatusCode().value()).isEqualTo(200);
        assertThat(http.exchange("/api/v1/payment/payments/" + no, HttpMethod.GET, new HttpEntity<>(Http.member(tenant, member + 1)), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/api/v1/payment/payments/" + no, HttpMethod.GET, new HttpEntity<>(Http.member(tenant + 1, member)), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/payment/payments/" + no, HttpMethod.GET, new HttpEntity<>(Http.staff(tenant + 1, 1, "OPERATOR")), String.class)
                .getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void thePayerIsTheMembersOpenidFromMemberServiceNeverAnotherOne() {
        wechat.prepayAnswers("wx-payer");
        // the client need not send it; WeChat Pay is asked to charge the member's own openid
        ResponseEntity<String> paid = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of("orders",
                List.of(Map.of("merchantId", 11, "amountFen", 5_000))), Http.write(shopper)), String.class);
        assertThat(paid.getStatusCode().value()).as(paid.getBody()).isEqualTo(201);
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")).withRequestBody(matchingJsonPath("$.payer.openid",
                equalTo(PAYER))));
        // someone else's openid is refused before anything moves
        ResponseEntity<String> other = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of("orders",
                List.of(Map.of("merchantId", 11, "amountFen", 5_000)), "payerOpenid", "oSomebodyElse"), Http.write(shopper)), String.class);
        assertThat(other.getStatusCode().value()).isEqualTo(422);
        assertThat(read(other).path("code").asText()).isEqualTo("PAYER_MISMATCH");
        // a member who never signed in through that mini-program cannot be charged there
        HttpHeaders stranger = Http.member(tenant, member + 7);
        ResponseEntity<String> unknown = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of("orders",
                List.of(Map.of("merchantId", 11, "amountFen", 5_000))), Http.write(stranger)), String.class);
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(read(unknown).path("code").asText()).isEqualTo("PAYER_UNKNOWN");
        assertThat(rowsOfThisMember()).isEqualTo(1);
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
    }

    @Test
    void theSameIdempotencyKeyTwiceMakesOnePayment() {
        wechat.prepayAnswers("wx-once");
        HttpHeaders once = Http.write(shopper);
        ResponseEntity<String> first = pay(List.of(Map.of("merchantId", 11, "amountFen", 5_000)), List.of(), 0, once);
        ResponseEntity<String> second = pay(List.of(Map.of("merchantId", 11, "amountFen", 5_000)), List.of(), 0, once);
        assertThat(first.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getHeaders().getFirst(SiyuHeaders.IDEMPOTENCY_REPLAYED)).isEqualTo("true");
        assertThat(read(second).path("paymentNo").asText()).isEqualTo(read(first).path("paymentNo").asText());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM checkout_payment WHERE tenant_id = ? AND member_id = ?", Long.class, tenant, member))
                .isEqualTo(1);
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
    }

    @Test
    void whenThePointsBranchFailsSeataUndoesThePaymentAndTheCouponLockAndNoPrepayIsAsked() {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"POINTS_INSUFFICIENT\",\"detail\":\"The member has 10 points; 3000 were requested\"}")));
        wechat.prepayAnswers("wx-never");
        ResponseEntity<String> refused = pay(List.of(Map.of("merchantId", 11, "amountFen", 20_000)), List.of(501), 3_000, Http.write(shopper));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("POINTS_INSUFFICIENT");
        // the rows payment-service wrote in phase 1 were undone by the TC's rollback
        assertThat(rowsOfThisMember()).isZero();
        assertThat(count("discount_line")).isZero();
        // the coupon lock was a branch of the same global transaction (coupon-service undoes it on the TC's rollback)
        services.verify(1, postRequestedFor(urlMatching("/internal/coupon/payments/.*/lock")).withHeader("TX_XID", matching(".+")));
        wechatServer.verify(0, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
    }

    @Test
    void whenTheCouponBranchFailsNothingIsRecordedAndNoPointsAreReserved() {
        services.stubFor(post(urlMatching("/internal/coupon/payments/.*/lock")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":500,\"code\":\"INTERNAL_ERROR\"}")));
        ResponseEntity<String> failed = pay(List.of(Map.of("merchantId", 11, "amountFen", 20_000)), List.of(501), 3_000, Http.write(shopper));
        assertThat(failed.getStatusCode().value()).isEqualTo(502);
        assertThat(read(failed).path("code").asText()).isEqualTo("UPSTREAM_FAILED");
        assertThat(rowsOfThisMember()).isZero();
        services.verify(0, postRequestedFor(urlEqualTo("/internal/points/reservations")));
        wechatServer.verify(0, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
    }

    @Test
    void whenWechatPayRefusesThePrepayTheCouponsAndPointsAreReleasedAndThePaymentFails() {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        releasesAnswer();
        wechatServer.stubFor(post(urlEqualTo("/v3/pay/transactions/jsapi"))
                .willReturn(wechat.signed(500, "{\"code\":\"SYSTEM_ERROR\",\"message\":\"系统错误\"}")));
        assertChannelFailureIsCompensated();
    }

    @Test
    void whenWechatPayDoesNotAnswerInTimeTheCouponsAndPointsAreReleasedAndThePaymentFails() {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        releasesAnswer();
        wechatServer.stubFor(post(urlEqualTo("/v3/pay/transactions/jsapi"))
                .willReturn(wechat.signed(200, "{\"prepay_id\":\"wx-late\"}").withFixedDelay(3_000)));
        assertChannelFailureIsCompensated();
    }

    @Test
    void aPrepayAnswerNotSignedByWechatPayIsNotTrustedAndTheLocksAreReleased() {
        lockAnswers(1_000, 501);
        services.stubFor(post(urlEqualTo("/internal/points/reservations")).willReturn(ok(reservation("HELD"))));
        releasesAnswer();
        String body = "{\"prepay_id\":\"wx-forged\"}";
        wechatServer.stubFor(post(urlEqualTo("/v3/pay/transactions/jsapi")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Wechatpay-Serial", WechatPayStub.PUBLIC_KEY_ID)
                .withHeader("Wechatpay-TimeStamp", "1700000000").withHeader("Wechatpay-Nonce", "n1")
                .withHeader("Wechatpay-Signature", WechatPayStub.sign(wechat.impostor.getPrivate(), "1700000000\nn1\n" + body + "\n"))
                .withBody(body)));
        assertChannelFailureIsCompensated();
    }

    private void assertChannelFailureIsCompensated() {
        ResponseEntity<String> failed = pay(List.of(Map.of("merchantId", 11, "amountFen", 20_000)), List.of(501), 3_000, Http.write(shopper));
        assertThat(failed.getStatusCode().value()).as(failed.getBody()).isEqualTo(502);
        assertThat(read(failed).path("code").asText()).isEqualTo("PAYMENT_CHANNEL_FAILED");
        String no = read(failed).path("paymentNo").asText();
        Map<String, Object> row = db.queryForMap("SELECT status, failure_code FROM checkout_payment WHERE payment_no = ?", no);
        assertThat(row.get("status")).isEqualTo("FAILED");
        assertThat(row.get("failure_code")).isEqualTo("CHANNEL_FAILED");
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/payments/" + no + "/release")).withHeader("TX_XID", matching(".+")));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/reservations/" + no + "/release")).withHeader("TX_XID", matching(".+")));
    }

    // ---------------------------------------------------------------- D. notifications

    @Test
    void aNotificationReplayedTenTimesConcurrentlyIsProcessedOnce(CapturedOutput log) throws Exception {
        // not a guide token: refused before anything is locked or written
        ResponseEntity<String> badToken = pay(List.of(Map.of("merchantId", 11, "amountFen", 30_000)), List.of(), 0, "guide-7", Http.write(shopper));
        assertThat(badToken.getStatusCode().value()).as(badToken.getBody()).isEqualTo(400);
        assertThat(read(badToken).path("errors").toString()).contains("attribution");
        // a share-link token (its content is guide-service's to judge) is carried into PaymentSucceeded as is
        String shareToken = "ZzEuMS4yLkxJTkstMy40MTAyNDQ0ODAw." + "A".repeat(43);
        String no = openedPayment(30_000, 2_000, shareToken);
        long cash = db.queryForObject("SELECT cash_fen FROM checkout_payment WHERE payment_no = ?", Long.class, no);
        services.stubFor(post(urlEqualTo("/internal/points/reservations/" + no + "/confirm")).willReturn(ok(reservation("CONFIRMED"))));
        services.stubFor(post(urlEqualTo("/internal/coupon/payments/" + no + "/redeem")).willReturn(ok(paymentCoupons(no, 1_000))));
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":7,\"points\":10,\"debtRepaid\":0,\"balanceAfter\":10}")));
        WechatPayStub.Notification n = wechat.notification(no, txn("001"), cash);

        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Callable<Integer>> deliveries = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            deliveries.add(() -> http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()),
                    String.class).getStatusCode().value());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(deliveries)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(204);

        Map<String, Object> row = db.queryForMap("SELECT status, transaction_id, rewarded_at FROM checkout_payment WHERE payment_no = ?", no);
        assertThat(row.get("status")).isEqualTo("PAID");
        assertThat(row.get("transaction_id")).isEqualTo(txn("001"));
        assertThat(row.get("rewarded_at")).as(() -> "reward of " + no + ": " + log.getOut().lines()
                .filter(line -> line.contains(no) && line.contains("will retry")).toList()).isNotNull();
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/reservations/" + no + "/confirm")).withHeader("TX_XID", matching(".+")));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/payments/" + no + "/redeem")).withHeader("TX_XID", matching(".+")));
        // the earn runs after the success transaction committed: no XID, bizId = the merchant order number
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/earnings")).withoutHeader("TX_XID")
                .withRequestBody(matchingJsonPath("$.bizId", equalTo(no + "-1")))
                .withRequestBody(matchingJsonPath("$.amountFen", equalTo(Long.toString(cash)))));
        // and member-service hears of the purchase once (tier growth, spend by store and category)
        services.verify(1, postRequestedFor(urlEqualTo("/internal/members/" + member + "/growth")).withoutHeader("TX_XID")
                .withRequestBody(matchingJsonPath("$.bizId", equalTo(no + "-1")))
                .withRequestBody(matchingJsonPath("$.storeId", equalTo("101"))));
        List<String> events = db.queryForList("SELECT payload FROM outbox_event WHERE tenant_id = ? AND type = 'PaymentSucceeded'", String.class, tenant);
        assertThat(events).hasSize(1);
        JsonNode event = json.readTree(events.get(0));
        assertThat(event.path("eventId").asText()).hasSize(36);
        assertThat(event.path("data").path("paymentNo").asText()).isEqualTo(no);
        assertThat(event.path("data").path("cashFen").asLong()).isEqualTo(cash);
        assertThat(event.path("data").path("attribution").asText()).isEqualTo(shareToken);
        // the coupon used and what it took off, the mall's part of it (touchpoint's campaign return)
        assertThat(event.path("data").path("coupons").toString()).isEqualTo("[{\"couponId\":501,\"amountFen\":1000,\"platformFen\":750}]");
    }

    @Test
    void aBadSignatureAWrongAmountAnotherMerchantOrAnUnsignedNotificationIsRejectedAndLogged(CapturedOutput log) {
        String no = openedPayment(30_000, 0);
        long cash = db.queryForObject("SELECT cash_fen FROM checkout_payment WHERE payment_no = ?", Long.class, no);

        WechatPayStub.Notification forged = wechat.notification(no, txn("002"), cash, WechatPayStub.MCH_ID,
                wechat.impostor.getPrivate());
        assertRejected(forged, "NOTIFICATION_SIGNATURE_INVALID");
        WechatPayStub.Notification tampered = wechat.notification(no, txn("003"), cash);
        assertRejected(new WechatPayStub.Notification(tampered.body().replace("TRANSACTION.SUCCESS", "TRANSACTION.SUCCESS "), tampered.headers()),
                "NOTIFICATION_SIGNATURE_INVALID");
        assertRejected(wechat.notification(no, txn("004"), cash - 1), "NOTIFICATION_AMOUNT_MISMATCH");
        assertRejected(wechat.notification(no, txn("005"), cash, "1900000999", wechat.platform.getPrivate()),
                "NOTIFICATION_MERCHANT_MISMATCH");
        WechatPayStub.Notification unsigned = wechat.notification(no, txn("006"), cash);
        HttpHeaders bare = Http.json();
        assertRejected(new WechatPayStub.Notification(unsigned.body(), bare), "NOTIFICATION_SIGNATURE_MISSING");
        assertRejected(wechat.notification("CP000000000000000000000000", txn("007"), cash), "NOTIFICATION_UNKNOWN_PAYMENT");

        assertThat(db.queryForObject("SELECT status FROM checkout_payment WHERE payment_no = ?", String.class, no)).isEqualTo("PENDING");
        services.verify(0, postRequestedFor(urlMatching("/internal/points/reservations/.*/confirm")));
        assertThat(count("outbox_event")).isZero();
        assertThat(log.getOut()).contains("Rejected WeChat Pay notification", "amount " + (cash - 1) + " fen");
    }

    private void assertRejected(WechatPayStub.Notification n, String code) {
        ResponseEntity<String> r = http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()),
                String.class);
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(400);
        assertThat(read(r).path("code").asText()).isEqualTo(code);
    }

    @Test
    void whenEarningFailsAfterThePaymentCommittedItIsRetriedLaterAndThePaymentStaysPaid() {
        String no = openedPayment(30_000, 0);
        services.stubFor(post(urlEqualTo("/internal/coupon/payments/" + no + "/redeem")).willReturn(ok(paymentCoupons(no, 1_000))));
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":503,\"code\":\"UNAVAILABLE\"}")));
        assertThat(notify(wechat.notification(no, txn("010"), 27_000)).getStatusCode().value()).isEqualTo(204);
        Map<String, Object> row = db.queryForMap("SELECT status, rewarded_at FROM checkout_payment WHERE payment_no = ?", no);
        assertThat(row.get("status")).isEqualTo("PAID");
        assertThat(row.get("rewarded_at")).isNull();

        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":8,\"points\":290,\"debtRepaid\":0}")));
        db.update("UPDATE checkout_payment SET paid_at = ? WHERE payment_no = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(2)), no);
        assertThat(settlement.rewardDue(10_000)).isPositive();
        assertThat(db.queryForObject("SELECT rewarded_at FROM checkout_payment WHERE payment_no = ?", Object.class, no)).isNotNull();
        // the same merchant order number both times: points-service applies an earn once per bizId
        services.verify(2, postRequestedFor(urlEqualTo("/internal/points/earnings")).withRequestBody(matchingJsonPath("$.bizId", equalTo(no + "-1"))));
    }

    // ---------------------------------------------------------------- E. expiry

    @Test
    void anUnpaidPaymentPastItsExpiryIsClosedAtWechatPayAndItsCouponsAndPointsAreReleased() {
        String no = openedPayment(30_000, 2_000);
        releasesAnswer();
        expireNow(no);
        assertThat(payments.expired(Instant.now(), 10_000)).contains(new Payments.TenantPayment(tenant, no));
        wechatServer.stubFor(get(urlEqualTo("/v3/pay/transactions/out-trade-no/" + no + "?mchid=" + WechatPayStub.MCH_ID))
                .willReturn(wechat.signed(200, orderQuery(no, "NOTPAY", 25_000))));
        wechatServer.stubFor(post(urlEqualTo("/v3/pay/transactions/out-trade-no/" + no + "/close")).willReturn(wechat.signed(204, "")));

        assertThat(CallerContext.callAs(Caller.system(tenant), () -> expiry.expire(no))).isEqualTo(PaymentExpiry.Result.CLOSED);

        assertThat(db.queryForObject("SELECT status FROM checkout_payment WHERE payment_no = ?", String.class, no)).isEqualTo("CLOSED");
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/pay/transactions/out-trade-no/" + no + "/close"))
                .withRequestBody(matchingJsonPath("$.mchid", equalTo(WechatPayStub.MCH_ID))));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/payments/" + no + "/release")).withHeader("TX_XID", matching(".+")));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/reservations/" + no + "/release")).withHeader("TX_XID", matching(".+")));
        assertThat(payments.expired(Instant.now(), 10_000)).doesNotContain(new Payments.TenantPayment(tenant, no));
        // a notification arriving after the close is refused, not silently turned into PAID
        ResponseEntity<String> late = notify(wechat.notification(no, txn("009"), 25_000));
        assertThat(late.getStatusCode().value()).isEqualTo(409);
        assertThat(read(late).path("code").asText()).isEqualTo("PAYMENT_NOT_PENDING");
    }

    @Test
    void anExpiredPaymentWhoseNotificationWasLostIsSettledNotClosed() {
        String no = openedPayment(30_000, 2_000);
        expireNow(no);
        services.stubFor(post(urlEqualTo("/internal/points/reservations/" + no + "/confirm")).willReturn(ok(reservation("CONFIRMED"))));
        services.stubFor(post(urlEqualTo("/internal/coupon/payments/" + no + "/redeem")).willReturn(ok(paymentCoupons(no, 1_000))));
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":7,\"points\":10,\"debtRepaid\":0,\"balanceAfter\":10}")));
        wechatServer.stubFor(get(urlEqualTo("/v3/pay/transactions/out-trade-no/" + no + "?mchid=" + WechatPayStub.MCH_ID))
                .willReturn(wechat.signed(200, orderQuery(no, "SUCCESS", 25_000))));

        assertThat(CallerContext.callAs(Caller.system(tenant), () -> expiry.expire(no))).isEqualTo(PaymentExpiry.Result.SETTLED);

        assertThat(db.queryForObject("SELECT status FROM checkout_payment WHERE payment_no = ?", String.class, no)).isEqualTo("PAID");
        services.verify(1, postRequestedFor(urlEqualTo("/internal/points/reservations/" + no + "/confirm")));
        services.verify(0, postRequestedFor(urlMatching("/internal/points/reservations/.*/release")));
        wechatServer.verify(0, postRequestedFor(urlMatching(".*/close")));
        assertThat(count("outbox_event")).isEqualTo(1);
    }

    private void expireNow(String no) {
        db.update("UPDATE checkout_payment SET expires_at = ? WHERE payment_no = ?",
                java.sql.Timestamp.valueOf(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1)), no);
    }

    private String orderQuery(String no, String state, long total) {
        return "{\"appid\":\"" + WechatPayStub.APP_ID + "\",\"mchid\":\"" + WechatPayStub.MCH_ID + "\",\"out_trade_no\":\"" + no
                + "\",\"transaction_id\":\"" + txn("008") + "\",\"trade_type\":\"JSAPI\",\"trade_state\":\"" + state
                + "\",\"trade_state_desc\":\"-\",\"success_time\":\"2026-11-23T15:00:00+08:00\",\"payer\":{\"openid\":\"oUpF8u\"},"
                + "\"amount\":{\"total\":" + total + ",\"payer_total\":" + total + ",\"currency\":\"CNY\",\"payer_currency\":\"CNY\"}}";
    }

    private ResponseEntity<String> notify(WechatPayStub.Notification n) {
        return http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()), String.class);
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void badInputIsRefusedBeforeAnythingMoves() {
        ResponseEntity<String> bad = http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of(
                "orders", List.of(Map.of("merchantId", -1, "amountFen", 0)), "points", -5, "payerOpenid", "has spaces"), Http.write(shopper)),
                String.class);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(read(bad).path("errors").findValuesAsText("field")).contains("orders[0].merchantId", "orders[0].amountFen", "points", "payerOpenid");
        ResponseEntity<String> twice = pay(List.of(Map.of("merchantId", 11, "amountFen", 100), Map.of("merchantId", 11, "amountFen", 200)),
                List.of(), 0, Http.write(shopper));
        assertThat(twice.getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> noKey = pay(List.of(Map.of("merchantId", 11, "amountFen", 100)), List.of(), 0, shopper);
        assertThat(noKey.getStatusCode().value()).isEqualTo(400);
        assertThat(read(noKey).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        ResponseEntity<String> staff = pay(List.of(Map.of("merchantId", 11, "amountFen", 100)), List.of(), 0,
                Http.write(Http.staff(tenant, 3, "CASHIER")));
        assertThat(staff.getStatusCode().value()).isEqualTo(403);
        assertThat(read(staff).path("code").asText()).isEqualTo("CALLER_NOT_ALLOWED");
        assertThat(rowsOfThisMember()).isZero();
        assertThat(services.getAllServeEvents()).isEmpty();
        assertThat(wechatServer.getAllServeEvents()).isEmpty();
    }
}
