package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import com.siyu.payment.voucher.domain.VoucherSales;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Group-buy vouchers bought through the cashier: priced by the template, issued once paid, refunded when they cannot be. */
@ServiceIT
class VoucherIT extends CashierApi {

    @Autowired
    VoucherSales sales;

    @Test
    void twoVouchersArePaidAtTheirPriceIssuedOnceWhenPaidAndRefundedOneByOneByRevokingThem() {
        sells(41, "GROUP_BUY", 60_000L, "[11]");
        grantsAnswer();
        String no = bought(41, 2);
        assertThat(db.queryForObject("SELECT cash_fen FROM checkout_payment WHERE payment_no = ?", Long.class, no))
                .as("no 满减 or 连单 on a voucher: its price is the price").isEqualTo(120_000);
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")).withRequestBody(matchingJsonPath("$.amount.total",
                equalTo("120000"))));
        services.verify(0, postRequestedFor(urlEqualTo("/internal/coupon/grants")));

        WechatPayStub.Notification paid = wechat.notification(no, txn("v1"), 120_000);
        assertThat(notifyPaid(paid).getStatusCode().value()).isEqualTo(204);
        assertThat(notifyPaid(paid).getStatusCode().value()).isEqualTo(204);
        services.verify(2, postRequestedFor(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.source", equalTo("PURCHASE"))));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.key", equalTo(no + "-1"))));
        services.verify(1, postRequestedFor(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.key", equalTo(no + "-2"))));
        assertThat(db.queryForObject("SELECT fulfilled_at IS NOT NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        // refunds go voucher by voucher, and take unused vouchers back in the same global transaction
        pointsRefundsAnswer();
        wechat.refundAnswers("SUCCESS");
        assertThat(read(refundVouchers(no, 30_000L)).path("code").asText()).isEqualTo("REFUND_NOT_WHOLE_VOUCHERS");
        services.stubFor(post(urlEqualTo("/internal/coupon/revocations")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":409,\"code\":\"VOUCHERS_NOT_REVOCABLE\",\"detail\":\"Only 0 of the 2 vouchers to take back are unused\"}")));
        ResponseEntity<String> used = refundVouchers(no, null);
        assertThat(used.getStatusCode().value()).isEqualTo(409);
        assertThat(read(used).path("code").asText()).isEqualTo("VOUCHERS_NOT_REVOCABLE");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE payment_no = ?", Long.class, no)).isZero();
        assertThat(db.queryForObject("SELECT refunded_gross_fen FROM merchant_order WHERE order_no = ?", Long.class, no + "-1")).isZero();

        services.stubFor(post(urlEqualTo("/internal/coupon/revocations")).willReturn(ok("{\"couponIds\":[901]}")));
        JsonNode one = read(refundVouchers(no, 60_000L));
        assertThat(one.path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(one.path("cashFen").asLong()).isEqualTo(60_000);
        assertThat(one.path("revokedCouponIds").get(0).asLong()).isEqualTo(901);
        services.verify(postRequestedFor(urlEqualTo("/internal/coupon/revocations")).withHeader("TX_XID", matching(".+"))
                .withRequestBody(matchingJsonPath("$.keys[1]", equalTo(no + "-2")))
                .withRequestBody(matchingJsonPath("$.count", equalTo("1"))));
    }

    private ResponseEntity<String> refundVouchers(String no, Long amountFen) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("orderNo", no + "-1", "reason", "changed my mind"));
        if (amountFen != null) {
            body.put("amountFen", amountFen);
        }
        return http.exchange("/admin/v1/payment/payments/" + no + "/refunds", HttpMethod.POST, new HttpEntity<>(body,
                Http.write(Http.staff(tenant, 9, "MANAGER"))), String.class);
    }

    @Test
    void aVoucherSoldOutMeanwhileIsRefundedAndTheOthersAreIssued() {
        sells(42, "GROUP_BUY", 60_000L, "[11]");
        grantsAnswer();
        String no = bought(42, 3);
        services.stubFor(post(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.key", equalTo(no + "-3")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"COUPON_OUT_OF_STOCK\",\"detail\":\"Template 42 has no stock left\"}")));
        pointsRefundsAnswer();
        wechat.refundAnswers("SUCCESS");
        assertThat(notifyPaid(wechat.notification(no, txn("v2"), 180_000)).getStatusCode().value()).isEqualTo(204);

        Map<String, Object> refund = db.queryForMap("SELECT refund_no, gross_fen, cash_fen, status FROM refund WHERE payment_no = ?", no);
        assertThat(refund.get("refund_no")).isEqualTo("RU" + no.substring(2));
        assertThat(refund.get("gross_fen")).isEqualTo(60_000L);
        assertThat(refund.get("cash_fen")).isEqualTo(60_000L);
        assertThat(refund.get("status")).isEqualTo("SUCCEEDED");
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")).withRequestBody(matchingJsonPath("$.amount.refund",
                equalTo("60000"))));
        assertThat(db.queryForObject("SELECT fulfilled_at IS NOT NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        // run again (the job): nothing more is refunded or issued
        CallerContext.runAs(Caller.system(tenant), () -> sales.fulfil(no));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE payment_no = ?", Long.class, no)).isEqualTo(1);
    }

    @Test
    void runsRacingToFulfilAPurchaseRefundWhatCouldNotBeIssuedOnlyOnce() throws Exception {
        sells(47, "GROUP_BUY", 60_000L, "[11]");
        grantsAnswer();
        String no = bought(47, 2);
        services.stubFor(post(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.key", equalTo(no + "-2")))
                .willReturn(aResponse().withStatus(409).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":409,\"code\":\"COUPON_OUT_OF_STOCK\",\"detail\":\"no stock left\"}")));
        // points-service is down when the payment settles: the refund of the sold-out voucher waits
        services.stubFor(post(urlEqualTo("/internal/points/refunds")).willReturn(aResponse().withStatus(503)));
        wechat.refundAnswers("SUCCESS");
        assertThat(notifyPaid(wechat.notification(no, txn("v4"), 120_000)).getStatusCode().value()).isEqualTo(204);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE payment_no = ?", Long.class, no)).isZero();
        assertThat(db.queryForObject("SELECT fulfilled_at IS NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();

        // back again: four runs at once (the job on two replicas, a late event…) refund it once
        pointsRefundsAnswer();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.List<java.util.concurrent.Callable<Boolean>> runs = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            runs.add(() -> {
                try {
                    CallerContext.runAs(Caller.system(tenant), () -> sales.fulfil(no));
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
        }
        for (java.util.concurrent.Future<Boolean> f : pool.invokeAll(runs)) {
            f.get();
        }
        pool.shutdown();
        CallerContext.runAs(Caller.system(tenant), () -> sales.fulfil(no));
        assertThat(db.queryForObject("SELECT COUNT(*) FROM refund WHERE payment_no = ?", Long.class, no)).isEqualTo(1);
        assertThat(db.queryForObject("SELECT refunded_gross_fen FROM merchant_order WHERE order_no = ?", Long.class, no + "-1")).isEqualTo(60_000);
        assertThat(db.queryForObject("SELECT fulfilled_at IS NOT NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        wechatServer.verify(1, postRequestedFor(urlEqualTo("/v3/refund/domestic/refunds")));
    }

    @Test
    void whenCouponServiceIsDownTheVouchersAreIssuedLaterByTheJob() {
        sells(43, "BLIND_BOX", 990L, "[12]");
        services.stubFor(post(urlEqualTo("/internal/coupon/grants")).willReturn(aResponse().withStatus(503)));
        String no = bought(43, 1);
        assertThat(notifyPaid(wechat.notification(no, txn("v3"), 990)).getStatusCode().value()).isEqualTo(204);
        assertThat(db.queryForObject("SELECT fulfilled_at IS NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        assertThat(db.queryForObject("SELECT status FROM checkout_payment WHERE payment_no = ?", String.class, no)).isEqualTo("PAID");

        grantsAnswer();
        db.update("UPDATE checkout_payment SET paid_at = '2000-01-01 00:00:00' WHERE payment_no = ?", no);
        sales.fulfilDue(100);
        assertThat(db.queryForObject("SELECT fulfilled_at IS NOT NULL FROM checkout_payment WHERE payment_no = ?", Boolean.class, no)).isTrue();
        services.verify(postRequestedFor(urlEqualTo("/internal/coupon/grants")).withRequestBody(matchingJsonPath("$.key", equalTo(no + "-1"))));
    }

    @Test
    void templatesNotSoldForMoneyWithoutOneSellerOrNotActiveAreRefused() {
        sells(44, "CASH", null, "[11]");
        sells(45, "GROUP_BUY", 60_000L, "[]");
        services.stubFor(get(urlEqualTo("/internal/coupon/templates/46")).willReturn(ok("{\"id\":46,\"name\":\"v\",\"type\":\"GROUP_BUY\","
                + "\"status\":\"PAUSED\",\"valueFen\":75000,\"priceFen\":60000,\"storeIds\":[],\"merchantIds\":[11]}")));
        assertThat(read(buy(44, 1)).path("code").asText()).isEqualTo("VOUCHER_NOT_FOR_SALE");
        assertThat(read(buy(45, 1)).path("code").asText()).isEqualTo("VOUCHER_HAS_NO_SELLER");
        assertThat(read(buy(46, 1)).path("code").asText()).isEqualTo("VOUCHER_NOT_ON_SALE");
        ResponseEntity<String> tooMany = buy(44, 11);
        assertThat(tooMany.getStatusCode().value()).isEqualTo(400);
        assertThat(rowsOfThisMember()).isZero();
        wechatServer.verify(0, postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi")));
    }

    private void sells(long templateId, String type, Long priceFen, String merchantIds) {
        services.stubFor(get(urlEqualTo("/internal/coupon/templates/" + templateId)).willReturn(ok("{\"id\":" + templateId
                + ",\"name\":\"600 buys 750\",\"type\":\"" + type + "\",\"status\":\"ACTIVE\",\"valueFen\":75000,\"priceFen\":" + priceFen
                + ",\"storeIds\":[],\"merchantIds\":" + merchantIds + "}")));
    }

    private void grantsAnswer() {
        services.stubFor(post(urlEqualTo("/internal/coupon/grants")).willReturn(aResponse().withStatus(201).withHeader("Content-Type",
                "application/json").withBody("{\"id\":900,\"templateId\":41,\"status\":\"AVAILABLE\"}")));
    }

    private void pointsRefundsAnswer() {
        services.stubFor(post(urlEqualTo("/internal/points/refunds")).willReturn(ok("{\"bizId\":\"x\",\"returned\":0,\"reversed\":0,"
                + "\"debtRecorded\":0,\"balanceAfter\":0}")));
    }

    private String bought(long templateId, int quantity) {
        wechat.prepayAnswers("wx-voucher-" + templateId);
        services.stubFor(post(urlEqualTo("/internal/points/earnings")).willReturn(ok("{\"id\":7,\"points\":600,\"debtRepaid\":0}")));
        ResponseEntity<String> opened = buy(templateId, quantity);
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        JsonNode payment = read(opened);
        assertThat(payment.path("orders").get(0).path("lines").size()).isZero();
        return payment.path("paymentNo").asText();
    }

    private ResponseEntity<String> buy(long templateId, int quantity) {
        return http.exchange("/api/v1/payment/voucher-purchases", HttpMethod.POST, new HttpEntity<>(Map.of("templateId", templateId,
                "quantity", quantity), Http.write(shopper)), String.class);
    }

    private ResponseEntity<String> notifyPaid(WechatPayStub.Notification n) {
        return http.exchange("/api/v1/payment/notifications/wechat", HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()), String.class);
    }
}
