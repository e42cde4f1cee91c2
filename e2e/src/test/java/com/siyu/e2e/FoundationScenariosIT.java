package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The foundation, walked through the gateway: routing, discovery, the trust boundary and one global transaction. */
@ExtendWith(RunningSuite.class)
class FoundationScenariosIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mallA;
    private static Tenants.Tenant mallB;

    @BeforeAll
    static void tenants() {
        mallA = Tenants.onboard(gateway, "e2e-a");
        mallB = Tenants.onboard(gateway, "e2e-b");
    }

    @Test
    void everyServiceAnswersThroughTheGateway() {
        Gateway.Response stores = gateway.get("/admin/v1/member/stores", mallA.adminToken());
        assertThat(stores.status()).as(stores.toString()).isEqualTo(200);
        assertThat(stores.body().findValuesAsText("code")).containsExactly("A", "B");

        long member = registerMember(mallA, randomPhone());
        Gateway.Response account = gateway.get("/admin/v1/points/accounts/" + member, mallA.adminToken());
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        assertThat(account.body().path("balance").asLong()).isZero();

        Gateway.Response payment = gateway.get("/admin/v1/payment/points-payments/PP-UNKNOWN", mallA.adminToken());
        assertThat(payment.status()).as(payment.toString()).isEqualTo(404);
        assertThat(payment.code()).isEqualTo("NOT_FOUND");

        Gateway.Response template = gateway.post("/admin/v1/coupon/templates", mallA.adminToken(), map(
                "name", "满100减20", "type", "THRESHOLD", "valueFen", 2000, "thresholdFen", 10000,
                "totalStock", 100, "perMemberLimit", 1,
                "validFrom", "2026-01-01T00:00:00Z", "validTo", "2027-01-01T00:00:00Z"));
        assertThat(template.status()).as(template.toString()).isEqualTo(201);
        Gateway.Response templates = gateway.get("/admin/v1/coupon/templates", mallA.adminToken());
        assertThat(templates.body().findValuesAsText("name")).contains("满100减20");

        Tenants.Guide guide = Tenants.guide(gateway, mallA, mallA.storeA(), "wang-" + UUID.randomUUID().toString().substring(0, 6));
        Gateway.Response me = gateway.get("/admin/v1/guide/me", guide.token());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.body().path("id").asLong()).isEqualTo(guide.id());
        assertThat(me.body().path("storeId").asLong()).isEqualTo(mallA.storeA());

        Gateway.Response quiet = gateway.put("/admin/v1/touchpoint/quiet-hours", mallA.adminToken(),
                map("start", "21:30", "end", "08:30", "timeZone", "Asia/Shanghai"));
        assertThat(quiet.status()).as(quiet.toString()).isEqualTo(200);
        assertThat(gateway.get("/admin/v1/touchpoint/quiet-hours", mallA.adminToken()).body().path("start").asText()).isEqualTo("21:30");
    }

    @Test
    void everyServiceIsRegisteredInNacos() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String service : List.of("member-service", "points-service", "payment-service", "coupon-service",
                "guide-service", "touchpoint-service", "gateway")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:8848/nacos/v3/admin/ns/instance/list?groupName=DEFAULT_GROUP&serviceName=" + service)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(service + ": " + response.body()).isEqualTo(200);
            JsonNode instances = Gateway.JSON.readTree(response.body()).path("data");
            assertThat(instances.size()).as(service + " instances").isGreaterThanOrEqualTo(1);
            assertThat(instances.get(0).path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(instances.get(0).path("healthy").asBoolean()).isTrue();
        }
    }

    @Test
    void internalPathsAreNeverRouted() {
        for (String path : List.of("/internal/jwks", "/internal/members/1", "/internal/platform/tenants/" + mallA.code())) {
            Gateway.Response anonymous = gateway.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(404);
            assertThat(anonymous.code()).isEqualTo("NOT_FOUND");
            Gateway.Response withToken = gateway.get(path, mallA.adminToken());
            assertThat(withToken.status()).as(path).isEqualTo(404);
            assertThat(withToken.code()).isEqualTo("NOT_FOUND");
            assertThat(withToken.raw().body()).doesNotContain("\"keys\"").doesNotContain("\"timeZone\"").doesNotContain("\"phone\"");
        }
    }

    @Test
    void aClientSentTenantHeaderIsIgnored() {
        Gateway.Response forged = gateway.get("/admin/v1/member/stores", mallA.adminToken(),
                "X-Tenant-Id", Long.toString(mallB.id()), "X-Staff-Roles", "TENANT_ADMIN");
        assertThat(forged.status()).isEqualTo(200);
        assertThat(Gateway.longs(forged.body(), "id")).containsExactly(mallA.storeA(), mallA.storeB());

        Gateway.Response noToken = gateway.get("/admin/v1/member/stores", null, "X-Tenant-Id", Long.toString(mallA.id()),
                "X-Staff-Id", "1", "X-Staff-Roles", "TENANT_ADMIN");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("TOKEN_REQUIRED");
    }

    @Test
    void tokensAreChecked() {
        assertThat(gateway.get("/admin/v1/member/stores", "not-a-jwt").code()).isEqualTo("TOKEN_INVALID");
        String tampered = mallA.adminToken().substring(0, mallA.adminToken().length() - 4) + "AAAA";
        Gateway.Response bad = gateway.get("/admin/v1/member/stores", tampered);
        assertThat(bad.status()).isEqualTo(401);
        assertThat(bad.code()).isEqualTo("TOKEN_INVALID");
        // a staff token is not a shopper token
        Gateway.Response staffOnShopperPath = gateway.get("/api/v1/points/balance", mallA.adminToken());
        assertThat(staffOnShopperPath.status()).isEqualTo(403);
        assertThat(staffOnShopperPath.code()).isEqualTo("MEMBER_TOKEN_REQUIRED");
        // wrong password: a clear 401, no token
        Gateway.Response wrong = gateway.write("POST", "/api/v1/member/staff-sessions", null,
                map("tenantCode", mallA.code(), "username", "admin", "password", "wrong-password"), null);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(wrong.body().has("accessToken")).isFalse();
    }

    @Test
    void tenantsNeverSeeEachOthersData() {
        long memberOfA = registerMember(mallA, randomPhone());
        Gateway.Response asB = gateway.get("/admin/v1/member/members/" + memberOfA, mallB.adminToken());
        assertThat(asB.status()).isEqualTo(404);
        Gateway.Response storeOfA = gateway.get("/admin/v1/member/stores/" + mallA.storeA(), mallB.adminToken());
        assertThat(storeOfA.status()).isEqualTo(404);
        Gateway.Response grantToA = gateway.post("/admin/v1/points/adjustments", mallB.adminToken(),
                map("memberId", memberOfA, "points", 100, "reason", "should not reach tenant A"));
        assertThat(grantToA.status()).as(grantToA.toString()).isEqualTo(422);
        assertThat(grantToA.code()).isEqualTo("UNKNOWN_MEMBER");
        assertThat(balance(mallA, memberOfA)).isZero();
    }

    @Test
    void aGlobalTransactionCommitsAcrossPaymentAndPoints() {
        long member = registerMember(mallA, randomPhone());
        grant(mallA, member, 100);

        String order = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway.Response paid = gateway.post("/admin/v1/payment/points-payments", mallA.adminToken(),
                map("memberId", member, "storeId", mallA.storeB(), "merchantOrderNo", order, "points", 30));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        assertThat(paid.body().path("pointsBalanceAfter").asLong()).isEqualTo(70);
        assertThat(balance(mallA, member)).isEqualTo(70);
        Gateway.Response stored = gateway.get("/admin/v1/payment/points-payments/" + paid.body().path("paymentNo").asText(), mallA.adminToken());
        assertThat(stored.status()).isEqualTo(200);
        assertThat(stored.body().path("merchantOrderNo").asText()).isEqualTo(order);
        assertThat(Gateway.longs(journal(mallA, member), "delta")).containsExactly(-30L, 100L);
        assertReconciled(mallA);
    }

    @Test
    void whenTheSecondBranchFailsTheFirstIsRolledBack() {
        long member = registerMember(mallA, randomPhone());
        grant(mallA, member, 100);
        String order = "ORD-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway.Response first = gateway.post("/admin/v1/payment/points-payments", mallA.adminToken(),
                map("memberId", member, "merchantOrderNo", order, "points", 40));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);

        // The same counter order again (a new request, not a retry): points-service spends 25 points
        // (branch 1, committed locally), then recording the payment fails (branch 2): Seata must undo branch 1.
        Gateway.Response again = gateway.post("/admin/v1/payment/points-payments", mallA.adminToken(),
                map("memberId", member, "merchantOrderNo", order, "points", 25));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("MERCHANT_ORDER_ALREADY_PAID");

        assertThat(balance(mallA, member)).isEqualTo(60);
        assertThat(Gateway.longs(journal(mallA, member), "delta")).containsExactly(-40L, 100L);
        assertReconciled(mallA);
    }

    @Test
    void aSpendBeyondTheBalanceChangesNothing() {
        long member = registerMember(mallA, randomPhone());
        grant(mallA, member, 50);
        Gateway.Response tooMuch = gateway.post("/admin/v1/payment/points-payments", mallA.adminToken(),
                map("memberId", member, "merchantOrderNo", "ORD-" + UUID.randomUUID().toString().substring(0, 8), "points", 51));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.code()).isEqualTo("POINTS_INSUFFICIENT");
        assertThat(balance(mallA, member)).isEqualTo(50);
        assertThat(journal(mallA, member).size()).isEqualTo(1);
    }

    @Test
    void aRetriedWriteIsAppliedOnce() {
        long member = registerMember(mallA, randomPhone());
        String key = "e2e-retry-" + UUID.randomUUID();
        Object body = map("memberId", member, "points", 80, "reason", "welcome gift");
        Gateway.Response first = gateway.write("POST", "/admin/v1/points/adjustments", mallA.adminToken(), body, key);
        Gateway.Response retry = gateway.write("POST", "/admin/v1/points/adjustments", mallA.adminToken(), body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(balance(mallA, member)).isEqualTo(80);

        Gateway.Response reused = gateway.write("POST", "/admin/v1/points/adjustments", mallA.adminToken(),
                map("memberId", member, "points", 81, "reason", "welcome gift"), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");

        Gateway.Response missing = gateway.write("POST", "/admin/v1/points/adjustments", mallA.adminToken(), body, null);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(balance(mallA, member)).isEqualTo(80);
    }

    @Test
    void badInputGetsAProblemNotA500() {
        Gateway.Response unknownField = gateway.post("/admin/v1/member/members", mallA.adminToken(),
                map("phone", randomPhone(), "shoeSize", 42));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.code()).isEqualTo("MALFORMED_REQUEST");
        assertThat(unknownField.body().path("detail").asText()).contains("shoeSize");

        Gateway.Response badPhone = gateway.post("/admin/v1/member/members", mallA.adminToken(), map("phone", "12345"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.code()).isEqualTo("INVALID_PHONE");

        Gateway.Response missing = gateway.post("/admin/v1/payment/points-payments", mallA.adminToken(), map("memberId", 1));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(missing.body().path("errors").findValuesAsText("field")).contains("merchantOrderNo", "points");

        Gateway.Response notJson = gateway.post("/admin/v1/coupon/templates", mallA.adminToken(), "{not json");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.raw().headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
    }

    private static long registerMember(Tenants.Tenant tenant, String phone) {
        Gateway.Response created = gateway.post("/admin/v1/member/members", tenant.adminToken(), map("phone", phone));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().path("id").asLong();
    }

    private static void grant(Tenants.Tenant tenant, long member, long points) {
        Gateway.Response granted = gateway.post("/admin/v1/points/adjustments", tenant.adminToken(),
                map("memberId", member, "points", points, "reason", "e2e grant"));
        assertThat(granted.status()).as(granted.toString()).isEqualTo(201);
    }

    private static long balance(Tenants.Tenant tenant, long member) {
        Gateway.Response account = gateway.get("/admin/v1/points/accounts/" + member, tenant.adminToken());
        assertThat(account.status()).as(account.toString()).isEqualTo(200);
        return account.body().path("balance").asLong();
    }

    private static JsonNode journal(Tenants.Tenant tenant, long member) {
        return gateway.get("/admin/v1/points/accounts/" + member, tenant.adminToken()).body().path("recent");
    }

    private static void assertReconciled(Tenants.Tenant tenant) {
        Gateway.Response reconciliation = gateway.get("/admin/v1/points/reconciliation", tenant.adminToken());
        assertThat(reconciliation.status()).isEqualTo(200);
        assertThat(reconciliation.body().path("clean").asBoolean()).as(reconciliation.toString()).isTrue();
    }

    static String randomPhone() {
        return "13" + String.format("%09d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 1_000_000_000L));
    }
}
