package com.siyu.coupon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** Coupons at payment (without Seata here): quote, lock, redeem, release, restore, all idempotent by payment id. */
@ServiceIT
class CouponCheckoutIT extends CouponIT {

    static final long MEMBER = 501;

    @Test
    void theQuoteFindsTheBestCombinationAndALockedPaymentRedeemsAndRestoresOnce() {
        Map<String, Object> threshold = template("满200减50", "THRESHOLD", 10, 1);
        threshold.put("valueFen", 5_000);
        threshold.put("thresholdFen", 20_000);
        threshold.put("stacksWithTypes", List.of("DISCOUNT"));
        threshold.put("merchantSharePercent", 40);
        Map<String, Object> percent = template("8折封顶60", "DISCOUNT", 10, 1);
        percent.put("discountPercent", 20);
        percent.put("maxDiscountFen", 6_000);
        percent.put("stacksWithTypes", List.of("THRESHOLD"));
        percent.put("refundPolicy", "FORFEIT");
        Map<String, Object> exclusive = cash("¥80 独享", 8_000, 10, 1);
        long thresholdCoupon = couponOf(activeTemplate(threshold));
        long percentCoupon = couponOf(activeTemplate(percent));
        long exclusiveCoupon = couponOf(activeTemplate(exclusive));

        Map<String, Object> cart = cart(10_000, 20_000);
        JsonNode quote = post("/internal/coupon/quotes", Map.of("memberId", MEMBER, "cart", cart), 200);
        // 5000 off first, then 20 % of 25000 = 5000 (under the 6000 cap): 10000 beats the exclusive 8000
        assertThat(quote.path("best").path("discountFen").asLong()).isEqualTo(10_000);
        assertThat(longs(quote.path("best").path("couponIds"))).containsExactlyInAnyOrder(thresholdCoupon, percentCoupon);
        assertThat(longs(quote.path("applicable"), "couponId"))
                .containsExactly(exclusiveCoupon, percentCoupon, thresholdCoupon);

        JsonNode wallet = fetch("/api/v1/coupon/wallet?merchantId=1&amountFen=30000", Http.member(tenant, MEMBER));
        assertThat(wallet.path("available").get(0).path("couponId").asLong()).isEqualTo(exclusiveCoupon);
        assertThat(wallet.path("available").get(0).path("discountFen").asLong()).isEqualTo(8_000);

        Map<String, Object> lock = Map.of("memberId", MEMBER, "couponIds", List.of(thresholdCoupon, percentCoupon), "cart", cart);
        JsonNode locked = post("/internal/coupon/payments/pay-1/lock", lock, 200);
        assertThat(locked.path("discountFen").asLong()).isEqualTo(10_000);
        assertThat(locked.path("merchantFen").asLong()).isEqualTo(2_000); // 40 % of the threshold coupon's 5000
        assertThat(locked.path("platformFen").asLong()).isEqualTo(8_000);
        assertThat(couponStatus(thresholdCoupon)).isEqualTo("LOCKED");
        assertThat(post("/internal/coupon/payments/pay-1/lock", lock, 200).path("discountFen").asLong()).as("a repeated lock").isEqualTo(10_000);
        assertThat(read(postRaw("/internal/coupon/payments/pay-2/lock", lock)).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");
        ResponseEntity<String> notStackable = postRaw("/internal/coupon/payments/pay-3/lock",
                Map.of("memberId", MEMBER, "couponIds", List.of(exclusiveCoupon, thresholdCoupon), "cart", cart));
        assertThat(notStackable.getStatusCode().value()).isEqualTo(409); // the threshold coupon is locked by pay-1

        post("/internal/coupon/payments/pay-1/redeem", Map.of(), 200);
        JsonNode again = post("/internal/coupon/payments/pay-1/redeem", Map.of(), 200);
        assertThat(again.path("coupons").findValuesAsText("status")).containsOnly("REDEEMED");
        assertThat(couponStatus(thresholdCoupon)).isEqualTo("USED");
        assertThat(read(postRaw("/internal/coupon/payments/pay-1/release", Map.of())).path("code").asText())
                .isEqualTo("COUPON_ALREADY_REDEEMED");

        JsonNode refunded = post("/internal/coupon/payments/pay-1/restore", Map.of(), 200);
        assertThat(refunded.path("coupons").findValuesAsText("status")).containsExactlyInAnyOrder("RESTORED", "FORFEITED");
        assertThat(couponStatus(thresholdCoupon)).isEqualTo("AVAILABLE");
        assertThat(couponStatus(percentCoupon)).as("FORFEIT policy").isEqualTo("USED");
        post("/internal/coupon/payments/pay-1/restore", Map.of(), 200);
        assertThat(couponStatus(thresholdCoupon)).isEqualTo("AVAILABLE");
        assertThat(jdbc.queryForObject("select count(*) from coupon_redemption where tenant_id = ? and payment_id = 'pay-1'", Integer.class,
                tenant)).isEqualTo(2);
        // no template row was touched at payment: issued counts are still what the claims made them
        assertThat(jdbc.queryForList("select issued_count from coupon_template where tenant_id = ?", Integer.class, tenant))
                .containsOnly(1);
    }

    @Test
    void paymentServiceReadsWhatATemplateIsInItsTenantOnly() {
        long id = activeTemplate(cash("¥10 landing", 1_000, 10, 1));
        JsonNode t = fetch("/internal/coupon/templates/" + id, internal());
        assertThat(t.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(t.path("type").asText()).isEqualTo("CASH");
        assertThat(t.path("valueFen").asLong()).isEqualTo(1_000);
        long mine = tenant;
        tenant = tenant + 1;
        ResponseEntity<String> other = http.exchange("/internal/coupon/templates/" + id, org.springframework.http.HttpMethod.GET,
                new org.springframework.http.HttpEntity<>(internal()), String.class);
        tenant = mine;
        assertThat(other.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aRefundedPurchaseRevokesOnlyUnusedVouchersAllOrNone() {
        Map<String, Object> voucher = cash("600 buys 750", 75_000, 10, 5);
        long template = activeTemplate(voucher);
        long first = read(grant(MEMBER, template, "PURCHASE", "buy-1-1")).path("id").asLong();
        long second = read(grant(MEMBER, template, "PURCHASE", "buy-1-2")).path("id").asLong();
        // the first is spent at a counter
        post("/internal/coupon/payments/spend-1/lock", Map.of("memberId", MEMBER, "couponIds", List.of(first), "cart", cart(100_000)), 200);
        post("/internal/coupon/payments/spend-1/redeem", Map.of(), 200);

        Map<String, Object> both = Map.of("source", "PURCHASE", "keys", List.of("buy-1-1", "buy-1-2"), "count", 2);
        ResponseEntity<String> refused = postRaw("/internal/coupon/revocations", both);
        assertThat(refused.getStatusCode().value()).isEqualTo(409);
        assertThat(read(refused).path("code").asText()).isEqualTo("VOUCHERS_NOT_REVOCABLE");
        assertThat(couponStatus(second)).as("all or none").isEqualTo("AVAILABLE");

        JsonNode one = post("/internal/coupon/revocations", Map.of("source", "PURCHASE", "keys", List.of("buy-1-1", "buy-1-2"), "count", 1), 200);
        assertThat(one.path("couponIds").get(0).asLong()).isEqualTo(second);
        assertThat(couponStatus(second)).isEqualTo("REVOKED");
        assertThat(couponStatus(first)).isEqualTo("USED");
        JsonNode wallet = fetch("/api/v1/coupon/wallet", Http.member(tenant, MEMBER));
        assertThat(wallet.path("available").findValuesAsText("couponId")).doesNotContain(Long.toString(second));
        // another tenant's keys are not this tenant's coupons
        long mine = tenant;
        tenant = tenant + 1;
        ResponseEntity<String> other = postRaw("/internal/coupon/revocations", Map.of("source", "PURCHASE", "keys", List.of("buy-1-1"), "count", 1));
        tenant = mine;
        assertThat(other.getStatusCode().value()).isEqualTo(409);
    }

    @Test
    void aPartialRefundRestoresOnlyTheCouponsItNames() {
        Map<String, Object> a = cash("¥10 A", 1_000, 10, 1);
        a.put("stacksWithTypes", List.of("CASH"));
        Map<String, Object> b = cash("¥5 B", 500, 10, 1);
        b.put("stacksWithTypes", List.of("CASH"));
        long first = couponOf(activeTemplate(a));
        long second = couponOf(activeTemplate(b));
        Map<String, Object> cart = cart(10_000, 20_000);
        post("/internal/coupon/payments/part-1/lock", Map.of("memberId", MEMBER, "couponIds", List.of(first, second), "cart", cart), 200);
        post("/internal/coupon/payments/part-1/redeem", Map.of(), 200);

        JsonNode one = post("/internal/coupon/payments/part-1/restore", Map.of("couponIds", List.of(first)), 200);
        assertThat(couponStatus(first)).isEqualTo("AVAILABLE");
        assertThat(couponStatus(second)).isEqualTo("USED");
        assertThat(one.path("coupons").findValuesAsText("status")).containsExactlyInAnyOrder("RESTORED", "REDEEMED");
        // repeated: nothing changes; a coupon the payment did not use is refused and nothing moves
        post("/internal/coupon/payments/part-1/restore", Map.of("couponIds", List.of(first)), 200);
        ResponseEntity<String> foreign = postRaw("/internal/coupon/payments/part-1/restore", Map.of("couponIds", List.of(second, 999_999)));
        assertThat(foreign.getStatusCode().value()).isEqualTo(422);
        assertThat(read(foreign).path("code").asText()).isEqualTo("COUPON_NOT_IN_PAYMENT");
        assertThat(couponStatus(second)).isEqualTo("USED");
        // the rest of the payment refunded: the other one comes back too
        post("/internal/coupon/payments/part-1/restore", Map.of(), 200);
        assertThat(couponStatus(second)).isEqualTo("AVAILABLE");
    }

    @Test
    void aCouponLockedByOnePaymentCannotBeLockedByAnotherUntilReleased() throws Exception {
        long coupon = couponOf(activeTemplate(cash("¥10", 1_000, 10, 1)));
        ExecutorService pool = Executors.newFixedThreadPool(12);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> locks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String payment = "race-" + i;
            locks.add(pool.submit(() -> {
                start.await();
                return postRaw("/internal/coupon/payments/" + payment + "/lock",
                        Map.of("memberId", MEMBER, "couponIds", List.of(coupon), "cart", cart(5_000)));
            }));
        }
        start.countDown();
        String winner = null;
        int refused = 0;
        for (Future<ResponseEntity<String>> lock : locks) {
            ResponseEntity<String> response = lock.get();
            if (response.getStatusCode().value() == 200) {
                assertThat(winner).as("only one payment locks it").isNull();
                winner = read(response).path("paymentId").asText();
            } else {
                assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(409);
                assertThat(read(response).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(refused).isEqualTo(11);
        assertThat(jdbc.queryForObject("select lock_payment_id from coupon where id = ?", String.class, coupon)).isEqualTo(winner);

        post("/internal/coupon/payments/" + winner + "/release", Map.of(), 200);
        post("/internal/coupon/payments/" + winner + "/release", Map.of(), 200);
        assertThat(couponStatus(coupon)).isEqualTo("AVAILABLE");
        assertThat(read(postRaw("/internal/coupon/payments/" + winner + "/redeem", Map.of())).path("code").asText())
                .isEqualTo("COUPON_LOCK_RELEASED");
        post("/internal/coupon/payments/next/lock", Map.of("memberId", MEMBER, "couponIds", List.of(coupon), "cart", cart(5_000)), 200);
        assertThat(jdbc.queryForObject("select lock_payment_id from coupon where id = ?", String.class, coupon)).isEqualTo("next");
    }

    @Test
    void couponsThatDoNotFitTheCartOrTheMemberOrTheTenantAreRefused() {
        Map<String, Object> scoped = template("满100减20", "THRESHOLD", 10, 1);
        scoped.put("valueFen", 2_000);
        scoped.put("thresholdFen", 10_000);
        scoped.put("merchantIds", List.of(7));
        long coupon = couponOf(activeTemplate(scoped));

        ResponseEntity<String> tooLittle = postRaw("/internal/coupon/payments/p-a/lock",
                Map.of("memberId", MEMBER, "couponIds", List.of(coupon), "cart", Map.of("lines",
                        List.of(Map.of("merchantId", 7, "amountFen", 9_999), Map.of("merchantId", 8, "amountFen", 50_000)))));
        assertThat(tooLittle.getStatusCode().value()).isEqualTo(422);
        assertThat(read(tooLittle).path("code").asText()).isEqualTo("COUPON_NOT_APPLICABLE");
        ResponseEntity<String> notMine = postRaw("/internal/coupon/payments/p-b/lock",
                Map.of("memberId", MEMBER + 1, "couponIds", List.of(coupon), "cart", cart(50_000)));
        assertThat(read(notMine).path("code").asText()).isEqualTo("COUPON_NOT_AVAILABLE");
        ResponseEntity<String> badCart = postRaw("/internal/coupon/payments/p-c/lock",
                Map.of("memberId", MEMBER, "couponIds", List.of(coupon), "cart", Map.of("lines", List.of(Map.of("merchantId", 7, "amountFen", -5)))));
        assertThat(badCart.getStatusCode().value()).isEqualTo(400);
        assertThat(postRaw("/internal/coupon/payments/bad%20id/lock", Map.of()).getStatusCode().value()).isEqualTo(400);
        assertThat(postRaw("/internal/coupon/payments/unknown/redeem", Map.of()).getStatusCode().value()).isEqualTo(404);

        long mine = tenant;
        tenant = mine + 1;
        ResponseEntity<String> otherTenant = postRaw("/internal/coupon/payments/p-d/lock",
                Map.of("memberId", MEMBER, "couponIds", List.of(coupon), "cart", Map.of("lines", List.of(Map.of("merchantId", 7, "amountFen", 50_000)))));
        assertThat(otherTenant.getStatusCode().value()).isEqualTo(409);
        assertThat(post("/internal/coupon/quotes", Map.of("memberId", MEMBER, "cart", cart(50_000)), 200).path("applicable").size()).isZero();
        tenant = mine;
        assertThat(couponStatus(coupon)).isEqualTo("AVAILABLE");
        assertThat(jdbc.queryForObject("select count(*) from coupon_redemption where coupon_id = ?", Integer.class, coupon)).isZero();
    }

    private long couponOf(long templateId) {
        ResponseEntity<String> granted = grant(MEMBER, templateId, "CAMPAIGN", "camp-" + templateId);
        assertThat(granted.getStatusCode().value()).as(granted.getBody()).isEqualTo(201);
        return read(granted).path("id").asLong();
    }

    static Map<String, Object> cart(long... amounts) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < amounts.length; i++) {
            lines.add(Map.of("storeId", 1, "merchantId", i + 1, "category", "fashion", "amountFen", amounts[i]));
        }
        return Map.of("lines", lines, "usePoints", false);
    }

    private JsonNode post(String path, Object body, int expected) {
        ResponseEntity<String> response = postRaw(path, body);
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(expected);
        return read(response);
    }

    ResponseEntity<String> postRaw(String path, Object body) {
        return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, internal()), String.class);
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asLong()));
        return values;
    }

    private static List<Long> longs(JsonNode array, String field) {
        List<Long> values = new ArrayList<>();
        array.forEach(n -> values.add(n.path(field).asLong()));
        return values;
    }
}
