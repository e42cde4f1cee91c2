package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 沉百's promise through the gateway: points earned at store A are spent at store B in one global
 * transaction, the liability moves from A to B, and both stores' settlement reports agree.
 */
@ExtendWith(RunningSuite.class)
class CrossStorePointsIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mall;

    @BeforeAll
    static void tenant() {
        mall = Tenants.onboard(gateway, "e2e-xstore");
    }

    @Test
    void pointsFromStoreASpentAtStoreBMoveTheLiability() {
        long member = gateway.post("/admin/v1/member/members", mall.adminToken(), map("phone", FoundationScenariosIT.randomPhone()))
                .body().path("id").asLong();
        Gateway.Response earned = gateway.post("/admin/v1/points/adjustments", mall.adminToken(),
                map("memberId", member, "points", 100, "reason", "opening gift at store A", "storeId", mall.storeA()));
        assertThat(earned.status()).as(earned.toString()).isEqualTo(201);

        Gateway.Response paid = gateway.post("/admin/v1/payment/points-payments", mall.adminToken(),
                map("memberId", member, "storeId", mall.storeB(), "merchantOrderNo", "X-" + UUID.randomUUID().toString().substring(0, 8), "points", 60));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String paymentNo = paid.body().path("paymentNo").asText();

        Gateway.Response change = gateway.get("/admin/v1/points/changes/PAYMENT_SPEND/" + paymentNo, mall.adminToken());
        assertThat(change.status()).as(change.toString()).isEqualTo(200);
        JsonNode movement = change.body().path("movements").get(0);
        assertThat(change.body().path("movements").size()).isEqualTo(1);
        assertThat(movement.path("issuingStoreId").asLong()).isEqualTo(mall.storeA());
        assertThat(movement.path("consumingStoreId").asLong()).isEqualTo(mall.storeB());
        assertThat(movement.path("points").asLong()).isEqualTo(60);

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode reportA = gateway.get("/admin/v1/points/settlement?storeId=" + mall.storeA() + "&from=" + today + "&to=" + today,
                mall.adminToken()).body();
        JsonNode reportB = gateway.get("/admin/v1/points/settlement?storeId=" + mall.storeB() + "&from=" + today + "&to=" + today,
                mall.adminToken()).body();
        assertThat(reportA.path("consumedElsewhere").asLong()).as(reportA.toString()).isEqualTo(60);
        assertThat(reportB.path("consumedHereFromElsewhere").asLong()).as(reportB.toString()).isEqualTo(60);
        assertThat(reportA.path("counterparts").get(0).path("storeId").asLong()).isEqualTo(mall.storeB());
        assertThat(reportA.path("counterparts").get(0).path("netPoints").asLong())
                .isEqualTo(-reportB.path("counterparts").get(0).path("netPoints").asLong()).isEqualTo(-60);

        JsonNode reconciliation = gateway.get("/admin/v1/points/reconciliation", mall.adminToken()).body();
        assertThat(reconciliation.path("clean").asBoolean()).as(reconciliation.toString()).isTrue();
    }
}
