package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mini-program cashier through the gateway with every service real (payment, coupon, points,
 * member) and the sandbox payment channel: points earned at store A and a coupon pay at store B's
 * counter in one global transaction; and when the points branch fails, Seata undoes the coupon lock
 * that coupon-service had already committed. Refunds, partial then full, give back the points (to
 * store A's lot: the A→B liability is undone) and the coupon and take back what the payment earned;
 * when points-service refuses a refund, Seata undoes the coupon restore already committed.
 */
@ExtendWith(RunningSuite.class)
class CashierScenariosIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mall;
    private static long counterB;
    private static long template;

    @BeforeAll
    static void mallWithACounterAndACoupon() {
        mall = Tenants.onboard(gateway, "e2e-cashier");
        Gateway.Response counter = gateway.post("/admin/v1/member/stores/" + mall.storeB() + "/merchants", mall.adminToken(),
                map("code", "B1", "brand", "Brand B", "category", "apparel", "cashierQrId", "qr-" + UUID.randomUUID().toString().substring(0, 12)));
        assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
        counterB = counter.body().path("id").asLong();
        Gateway.Response created = gateway.post("/admin/v1/coupon/templates", mall.adminToken(), map(
                "name", "满100减20", "type", "THRESHOLD", "valueFen", 2000, "thresholdFen", 10000, "totalStock", 100, "perMemberLimit", 1,
                "validFrom", Instant.now().minus(Duration.ofDays(1)).toString(), "validTo", Instant.now().plus(Duration.ofDays(30)).toString(),
                "stacksWithPoints", true));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        template = created.body().path("id").asLong();
        // one point per yuan paid, at every store
        Gateway.Response rule = gateway.post("/admin/v1/points/earn-rules", mall.adminToken(),
                map("kind", "RATE", "name", "1 point per yuan", "rateMilli", 1000));
        assertThat(rule.status()).as(rule.toString()).isLessThan(300);
        Gateway.Response active = gateway.post("/admin/v1/coupon/templates/" + template + "/transitions", mall.adminToken(),
                map("to", "ACTIVE", "reason", "e2e"));
        assertThat(active.status()).as(active.toString()).isLessThan(300);
    }

    @Test
    void pointsFromStoreAAndACouponPayAtStoreB() {
        Shopper shopper = shopperWith(5000);
        long coupon = claim(shopper);

        Gateway.Response quote = gateway.write("POST", "/api/v1/payment/quotes", shopper.token,
                map("orders", List.of(map("merchantId", counterB, "amountFen", 30000)), "points", 1000), null);
        assertThat(quote.status()).as(quote.toString()).isEqualTo(200);
        JsonNode q = quote.body();
        assertThat(q.path("couponFen").asLong()).isEqualTo(2000);
        assertThat(q.path("pointsFen").asLong()).isEqualTo(1000);
        assertThat(q.path("cashFen").asLong() + q.path("promotionFen").asLong() + q.path("couponFen").asLong() + q.path("pointsFen").asLong())
                .isEqualTo(30000);

        Gateway.Response paid = gateway.post("/api/v1/payment/payments", shopper.token, map("orders", List.of(map("merchantId", counterB,
                "amountFen", 30000)), "couponIds", List.of(coupon), "points", 1000, "payerOpenid", "o-" + shopper.code));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String paymentNo = paid.body().path("paymentNo").asText();
        JsonNode payment = awaitStatus(shopper, paymentNo, "PAID");
        assertThat(payment.path("cashFen").asLong()).isEqualTo(q.path("cashFen").asLong());
        JsonNode order = payment.path("orders").get(0);
        assertThat(order.path("storeId").asLong()).isEqualTo(mall.storeB());
        long lines = 0;
        for (JsonNode line : order.path("lines")) {
            assertThat(line.path("platformFen").asLong() + line.path("merchantFen").asLong()).as(line.toString()).isEqualTo(line.path("amountFen").asLong());
            lines += line.path("amountFen").asLong();
        }
        assertThat(lines).as("every discount is a funded line").isEqualTo(order.path("discountFen").asLong() + order.path("pointsFen").asLong());

        JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(Gateway.longs(wallet.path("used"), "couponId")).containsExactly(coupon);
        JsonNode change = gateway.get("/admin/v1/points/changes/RESERVE/" + paymentNo, mall.adminToken()).body();
        assertThat(change.path("movements").get(0).path("issuingStoreId").asLong()).isEqualTo(mall.storeA());
        assertThat(change.path("movements").get(0).path("consumingStoreId").asLong()).isEqualTo(mall.storeB());
        assertThat(change.path("movements").get(0).path("points").asLong()).isEqualTo(1000);
        assertThat(gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body().path("clean").asBoolean()).isTrue();
    }

    @Test
    void whenThePointsBranchFailsTheCommittedCouponLockIsUndone() {
        Shopper shopper = shopperWith(500);
        long coupon = claim(shopper);

        Gateway.Response refused = gateway.post("/api/v1/payment/payments", shopper.token, map("orders", List.of(map("merchantId", counterB,
                "amountFen", 30000)), "couponIds", List.of(coupon), "points", 1000, "payerOpenid", "o-" + shopper.code));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("POINTS_INSUFFICIENT");

        JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(Gateway.longs(wallet.path("available"), "couponId")).as(wallet.toString()).containsExactly(coupon);
        assertThat(wallet.path("locked").size()).isZero();
        assertThat(gateway.get("/admin/v1/points/accounts/" + shopper.memberId, mall.adminToken()).body().path("balance").asLong()).isEqualTo(500);

        // the coupon is free again: the same shopper pays with it and the points they have
        Gateway.Response paid = gateway.post("/api/v1/payment/payments", shopper.token, map("orders", List.of(map("merchantId", counterB,
                "amountFen", 30000)), "couponIds", List.of(coupon), "points", 300, "payerOpenid", "o-" + shopper.code));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        awaitStatus(shopper, paid.body().path("paymentNo").asText(), "PAID");
    }

    @Test
    void aPartialThenAFullRefundGiveThePointsAndTheCouponBackAndTakeTheEarnedPointsBack() {
        Shopper shopper = shopperWith(5000);
        long coupon = claim(shopper);
        String paymentNo = payAtB(shopper, coupon, 1000);
        JsonNode payment = awaitStatus(shopper, paymentNo, "PAID");
        String orderNo = payment.path("orders").get(0).path("orderNo").asText();
        long cash = payment.path("cashFen").asLong();
        long earned = cash / 100;
        assertThat(balance(shopper)).isEqualTo(5000 - 1000 + earned);
        // the purchase grew the member: a visit (10) and what was paid (cash and points), ¥1 each
        assertThat(gateway.get("/admin/v1/member/members/" + shopper.memberId, mall.adminToken()).body().path("growth").asLong())
                .isEqualTo(10 + (cash + 1000) / 100);

        // half of the goods come back
        Gateway.Response half = gateway.post("/admin/v1/payment/payments/" + paymentNo + "/refunds", mall.adminToken(),
                map("orderNo", orderNo, "amountFen", 15000, "reason", "one of two items returned"));
        assertThat(half.status()).as(half.toString()).isEqualTo(201);
        JsonNode r1 = half.body();
        assertThat(r1.path("status").asText()).as("the sandbox returns the cash at once").isEqualTo("SUCCEEDED");
        assertThat(r1.path("cashFen").asLong()).isEqualTo(cash / 2);
        assertThat(r1.path("pointsReturned").asLong()).isEqualTo(500);
        // what the order earned is taken back in proportion to the cash refunded
        assertThat(r1.path("pointsReversed").asLong()).isEqualTo(earned * (cash / 2) / cash);
        assertThat(balance(shopper)).isEqualTo(5000 - 1000 + earned + 500 - r1.path("pointsReversed").asLong());
        JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(Gateway.longs(wallet.path("used"), "couponId")).as("the order is not fully refunded").containsExactly(coupon);
        // the 500 points went back to store A's lot they came from: A no longer owes B for them
        JsonNode returned = gateway.get("/admin/v1/points/changes/REFUND_RETURN/" + r1.path("refundNo").asText(), mall.adminToken()).body();
        assertThat(returned.path("movements").get(0).path("issuingStoreId").asLong()).isEqualTo(mall.storeA());
        assertThat(returned.path("movements").get(0).path("consumingStoreId").asLong()).isEqualTo(mall.storeB());
        assertThat(returned.path("movements").get(0).path("points").asLong()).isEqualTo(-500);

        // the rest: everything is back where it was before the payment
        Gateway.Response rest = gateway.post("/admin/v1/payment/payments/" + paymentNo + "/refunds", mall.adminToken(),
                map("orderNo", orderNo, "reason", "the other item returned too"));
        assertThat(rest.status()).as(rest.toString()).isEqualTo(201);
        assertThat(rest.body().path("restoredCouponIds").get(0).asLong()).isEqualTo(coupon);
        assertThat(balance(shopper)).isEqualTo(5000);
        wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(Gateway.longs(wallet.path("available"), "couponId")).as(wallet.toString()).contains(coupon);
        JsonNode refunds = gateway.get("/api/v1/payment/payments/" + paymentNo + "/refunds", shopper.token).body();
        assertThat(refunds.size()).isEqualTo(2);
        assertThat(refunds.get(0).path("cashFen").asLong() + refunds.get(1).path("cashFen").asLong()).isEqualTo(cash);
        Gateway.Response again = gateway.post("/admin/v1/payment/payments/" + paymentNo + "/refunds", mall.adminToken(),
                map("orderNo", orderNo, "reason", "once more"));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("REFUND_ORDER_ALREADY_REFUNDED");
        assertThat(gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body().path("clean").asBoolean()).isTrue();
        // member-service hears of the refunds (PaymentRefunded through RabbitMQ): only the visit's growth is left
        assertThat(eventually(() -> gateway.get("/admin/v1/member/members/" + shopper.memberId, mall.adminToken()).body()
                .path("growth").asLong() <= 11)).as("growth taken back").isTrue();
        assertThat(gateway.get("/admin/v1/member/members/" + shopper.memberId, mall.adminToken()).body().path("growth").asLong())
                .isGreaterThanOrEqualTo(10);
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    @Test
    void whenPointsServiceRefusesARefundTheCouponRestoreItHadCommittedIsUndone() {
        Shopper shopper = shopperWith(100);
        long coupon = claim(shopper);
        String first = payAtB(shopper, coupon, 0);
        awaitStatus(shopper, first, "PAID");
        long earned = balance(shopper) - 100;
        assertThat(earned).isPositive();
        // the earned points are spent at a counter at once, and this mall allows no points debt
        Gateway.Response spent = gateway.post("/admin/v1/payment/points-payments", mall.adminToken(), map("memberId", shopper.memberId,
                "storeId", mall.storeB(), "merchantOrderNo", "X-" + UUID.randomUUID().toString().substring(0, 8), "points", 100 + earned));
        assertThat(spent.status()).as(spent.toString()).isEqualTo(201);
        long before = balance(shopper);
        assertThat(before).isZero();
        policy("REJECT");
        try {
            String orderNo = gateway.get("/api/v1/payment/payments/" + first, shopper.token).body().path("orders").get(0).path("orderNo").asText();
            Gateway.Response refused = gateway.post("/admin/v1/payment/payments/" + first + "/refunds", mall.adminToken(),
                    map("orderNo", orderNo, "reason", "returned"));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.code()).isEqualTo("POINTS_ALREADY_SPENT");
            // coupon-service had restored the coupon in its own committed branch: the TC undid it
            JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
            assertThat(Gateway.longs(wallet.path("used"), "couponId")).as(wallet.toString()).containsExactly(coupon);
            assertThat(Gateway.longs(wallet.path("available"), "couponId")).doesNotContain(coupon);
            assertThat(gateway.get("/api/v1/payment/payments/" + first + "/refunds", shopper.token).body().size()).isZero();
            assertThat(balance(shopper)).isEqualTo(before);
        } finally {
            policy("DEBT");
        }
    }

    @Test
    void aShopperBuysGroupBuyVouchersSeesTheCountersLandingPageAndReturnsOneVoucher() {
        // counter B sells "600 buys 750"; only two are left
        Gateway.Response created = gateway.post("/admin/v1/coupon/templates", mall.adminToken(), map(
                "name", "600 buys 750", "type", "GROUP_BUY", "valueFen", 75000, "priceFen", 60000, "totalStock", 2, "perMemberLimit", 5,
                "merchantIds", List.of(counterB),
                "validFrom", Instant.now().minus(Duration.ofDays(1)).toString(), "validTo", Instant.now().plus(Duration.ofDays(30)).toString()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long voucher = created.body().path("id").asLong();
        assertThat(gateway.post("/admin/v1/coupon/templates/" + voucher + "/transitions", mall.adminToken(),
                map("to", "ACTIVE", "reason", "e2e")).status()).isLessThan(300);
        Gateway.Response landing = gateway.put("/admin/v1/payment/landing-pages/merchants/" + counterB, mall.adminToken(),
                map("couponTemplateId", template, "activityPath", "pages/activity/index?id=9", "followOfficialAccount", true));
        assertThat(landing.status()).as(landing.toString()).isEqualTo(200);

        Shopper shopper = shopperWith(100);
        Gateway.Response bought = gateway.post("/api/v1/payment/voucher-purchases", shopper.token, map("templateId", voucher, "quantity", 3));
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        String paymentNo = bought.body().path("paymentNo").asText();
        JsonNode payment = awaitStatus(shopper, paymentNo, "PAID");
        assertThat(payment.path("cashFen").asLong()).as("the voucher's price, no 满减 on top").isEqualTo(180000);

        // two were issued into the wallet; the third was sold out and paid back
        JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(vouchersIn(wallet, voucher)).as(wallet.toString()).isEqualTo(2);
        JsonNode refunds = gateway.get("/api/v1/payment/payments/" + paymentNo + "/refunds", shopper.token).body();
        assertThat(refunds.size()).as(refunds.toString()).isEqualTo(1);
        assertThat(refunds.get(0).path("cashFen").asLong()).isEqualTo(60000);
        assertThat(refunds.get(0).path("status").asText()).isEqualTo("SUCCEEDED");

        // what the counter configured shows after paying there
        JsonNode page = gateway.get("/api/v1/payment/payments/" + paymentNo + "/landing", shopper.token).body();
        assertThat(page.get(0).path("source").asText()).isEqualTo("MERCHANT");
        assertThat(page.get(0).path("couponTemplateId").asLong()).isEqualTo(template);
        assertThat(page.get(0).path("followOfficialAccount").asBoolean()).isTrue();

        // one voucher comes back at the counter: it leaves the wallet and its price is paid back
        Gateway.Response back = gateway.post("/admin/v1/payment/payments/" + paymentNo + "/refunds", mall.adminToken(),
                map("orderNo", payment.path("orders").get(0).path("orderNo").asText(), "amountFen", 60000, "reason", "one voucher returned"));
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        assertThat(back.body().path("revokedCouponIds").size()).isEqualTo(1);
        assertThat(back.body().path("cashFen").asLong()).isEqualTo(60000);
        assertThat(vouchersIn(gateway.get("/api/v1/coupon/wallet", shopper.token).body(), voucher)).isEqualTo(1);
    }

    private static long vouchersIn(JsonNode wallet, long template) {
        long n = 0;
        for (JsonNode c : wallet.path("available")) {
            if (c.path("templateId").asLong() == template) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aReturnTheShopperAsksForIsApprovedByCustomerServiceAndRefundedWithItsPointsAndCoupon() {
        Shopper shopper = shopperWith(5000);
        long coupon = claim(shopper);
        String paymentNo = payAtB(shopper, coupon, 1000);
        JsonNode payment = awaitStatus(shopper, paymentNo, "PAID");
        String orderNo = payment.path("orders").get(0).path("orderNo").asText();

        // the shopper asks for the return in the mini-program: a work order in customer service's queue, at the order's store
        Gateway.Response opened = gateway.post("/api/v1/touchpoint/work-orders", shopper.token, map("kind", "RETURN", "title", "尺码不合适",
                "paymentNo", paymentNo, "orderNo", orderNo));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long workOrder = opened.body().path("id").asLong();
        assertThat(opened.body().path("storeId").asLong()).isEqualTo(mall.storeB());
        assertThat(opened.body().path("role").asText()).isEqualTo("SERVICE_AGENT");
        // another shopper cannot ask for a return of it
        Shopper other = shopperWith(1);
        assertThat(gateway.post("/api/v1/touchpoint/work-orders", other.token, map("kind", "RETURN", "title", "x", "paymentNo", paymentNo,
                "orderNo", orderNo)).status()).isEqualTo(400);

        Gateway.Response approved = gateway.post("/admin/v1/touchpoint/work-orders/" + workOrder + "/approval", mall.adminToken(),
                map("note", "吊牌完好，同意退货"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        JsonNode done = approved.body();
        assertThat(done.path("status").asText()).as(done.toString()).isEqualTo("RESOLVED");
        assertThat(done.path("pointsReturned").asLong()).isEqualTo(1000);
        assertThat(done.path("restoredCouponIds").size()).isEqualTo(1);
        assertThat(done.path("restoredCouponIds").get(0).asLong()).isEqualTo(coupon);
        // everything is back where it was: the points (earned ones taken back), the coupon, and one refund of the whole order
        assertThat(balance(shopper)).isEqualTo(5000);
        JsonNode wallet = gateway.get("/api/v1/coupon/wallet", shopper.token).body();
        assertThat(Gateway.longs(wallet.path("available"), "couponId")).as(wallet.toString()).contains(coupon);
        JsonNode refunds = gateway.get("/api/v1/payment/payments/" + paymentNo + "/refunds", shopper.token).body();
        assertThat(refunds.size()).isEqualTo(1);
        assertThat(refunds.get(0).path("refundNo").asText()).isEqualTo(done.path("refundNo").asText());
        assertThat(refunds.get(0).path("cashFen").asLong()).isEqualTo(payment.path("cashFen").asLong());
        // the shopper sees how it went
        JsonNode mine = gateway.get("/api/v1/touchpoint/work-orders/" + workOrder, shopper.token).body();
        assertThat(mine.path("workOrder").path("status").asText()).isEqualTo("RESOLVED");
        assertThat(mine.path("history").findValuesAsText("action")).containsExactly("OPENED", "APPROVED", "REFUNDED");
        assertThat(gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body().path("clean").asBoolean()).isTrue();
    }

    private static String payAtB(Shopper shopper, Long coupon, long points) {
        Gateway.Response paid = gateway.post("/api/v1/payment/payments", shopper.token, map("orders", List.of(map("merchantId", counterB,
                "amountFen", 30000)), "couponIds", coupon == null ? List.of() : List.of(coupon), "points", points));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        return paid.body().path("paymentNo").asText();
    }

    private static long balance(Shopper shopper) {
        return gateway.get("/admin/v1/points/accounts/" + shopper.memberId, mall.adminToken()).body().path("balance").asLong();
    }

    private static void policy(String refundShortfall) {
        Gateway.Response set = gateway.put("/admin/v1/points/policy", mall.adminToken(), map("redeemPointsPerYuan", 100, "reminderDays", 7,
                "refundShortfall", refundShortfall));
        assertThat(set.status()).as(set.toString()).isLessThan(300);
    }

    private record Shopper(String code, String token, long memberId) {
    }

    private static Shopper shopperWith(long points) {
        String code = "cashier-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null, map("code", code), null,
                "X-Miniapp-AppId", mall.miniAppId());
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        long memberId = login.body().path("memberId").asLong();
        Gateway.Response granted = gateway.post("/admin/v1/points/adjustments", mall.adminToken(),
                map("memberId", memberId, "points", points, "reason", "earned at store A", "storeId", mall.storeA()));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
        return new Shopper(code, login.body().path("accessToken").asText(), memberId);
    }

    private static long claim(Shopper shopper) {
        Gateway.Response claimed = gateway.post("/api/v1/coupon/templates/" + template + "/claims", shopper.token, map());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        return claimed.body().path("id").asLong();
    }

    private static JsonNode awaitStatus(Shopper shopper, String paymentNo, String status) {
        Instant deadline = Instant.now().plusSeconds(20);
        JsonNode payment;
        do {
            payment = gateway.get("/api/v1/payment/payments/" + paymentNo, shopper.token).body();
            if (status.equals(payment.path("status").asText())) {
                return payment;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("payment " + paymentNo + " did not become " + status + ": " + payment);
    }
}
