package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 10 with the suite running: a service port reached past the gateway takes no identity from
 * headers, platform operations need the platform operator, actuator lives on the management ports,
 * and a suspended tenant's sessions stop renewing.
 */
@ExtendWith(RunningSuite.class)
class ServicePortTrustIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mall;

    @BeforeAll
    static void tenant() {
        mall = Tenants.onboard(gateway, "trust");
    }

    private String[] forged() {
        return new String[] {"X-Tenant-Id", Long.toString(mall.id()), "X-Staff-Id", "1", "X-Staff-Roles", "TENANT_ADMIN",
                "X-Member-Id", "1", "X-Store-Id", Long.toString(mall.storeA())};
    }

    @Test
    void servicePortsRefuseIdentityHeadersWithoutAToken() {
        Gateway member = new Gateway("http://127.0.0.1:8081");
        Gateway points = new Gateway("http://127.0.0.1:8082");
        Gateway coupon = new Gateway("http://127.0.0.1:8084");

        Gateway.Response stores = member.get("/admin/v1/member/stores", null, forged());
        assertThat(stores.status()).as(stores.toString()).isEqualTo(401);
        assertThat(stores.code()).isEqualTo("TOKEN_REQUIRED");
        Gateway.Response mint = points.write("POST", "/internal/points/earnings", null, map("memberId", 1, "bizId", "mint-1",
                "amountFen", 100_000, "storeId", mall.storeA()), null, forged());
        assertThat(mint.status()).as(mint.toString()).isEqualTo(401);
        Gateway.Response grant = coupon.write("POST", "/internal/coupon/grants", null, map("templateId", 1, "memberId", 1,
                "source", "OPERATOR", "key", "forged-1"), null, forged());
        assertThat(grant.status()).as(grant.toString()).isEqualTo(401);
        Gateway.Response suspend = member.write("POST", "/internal/platform/tenants/" + mall.code() + "/suspension", null, map(), null, forged());
        assertThat(suspend.status()).as(suspend.toString()).isEqualTo(401);

        // the tenant admin's own (valid) token is not a platform or service credential
        Gateway.Response adminSuspends = member.write("POST", "/internal/platform/tenants/" + mall.code() + "/suspension",
                mall.adminToken(), map(), null);
        assertThat(adminSuspends.status()).as(adminSuspends.toString()).isEqualTo(403);
        Gateway.Response adminMints = points.write("POST", "/internal/points/earnings", mall.adminToken(), map("memberId", 1,
                "bizId", "mint-2", "amountFen", 100_000, "storeId", mall.storeA()), null);
        assertThat(adminMints.status()).as(adminMints.toString()).isEqualTo(403);

        // the same staff token straight to the service works: each service verifies it itself
        Gateway.Response direct = member.get("/admin/v1/member/stores", mall.adminToken(), forged());
        assertThat(direct.status()).as(direct.toString()).isEqualTo(200);
        assertThat(Gateway.longs(direct.body(), "id")).containsExactly(mall.storeA(), mall.storeB());
        assertThat(gateway.get("/api/v1/member/me", mall.adminToken()).status()).isEqualTo(403);
    }

    @Test
    void actuatorIsOnlyOnTheManagementPorts() {
        assertThat(gateway.get("/actuator/prometheus", null).status()).isEqualTo(404);
        assertThat(gateway.get("/actuator/gateway/routes", mall.adminToken()).status()).isEqualTo(404);
        assertThat(new Gateway("http://127.0.0.1:8082").get("/actuator/prometheus", null).status()).isEqualTo(404);
        Gateway.Response metrics = new Gateway(RunningSuite.GATEWAY_MANAGEMENT).get("/actuator/prometheus", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.raw().body()).contains("jvm_memory_used_bytes");
        assertThat(new Gateway("http://127.0.0.1:9082").get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }

    @Test
    void aSuspendedTenantsRefreshTokensStopWorkingUntilItIsResumed() throws Exception {
        Tenants.Tenant suspended = Tenants.onboard(gateway, "susp");
        Gateway.Response session = gateway.write("POST", "/api/v1/member/staff-sessions", null,
                map("tenantCode", suspended.code(), "username", "admin", "password", suspended.adminPassword()), null);
        assertThat(session.status()).as(session.toString()).isEqualTo(201);
        String refresh = session.body().path("refreshToken").asText();
        Gateway member = new Gateway("http://127.0.0.1:8081");
        String platform = Tenants.platformToken();
        assertThat(member.write("POST", "/internal/platform/tenants/" + suspended.code() + "/suspension", platform, map(), null).status())
                .isEqualTo(200);

        Gateway.Response refused = gateway.write("POST", "/api/v1/member/token-refreshes", null, map("refreshToken", refresh), null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("TENANT_SUSPENDED");

        assertThat(member.write("DELETE", "/internal/platform/tenants/" + suspended.code() + "/suspension", platform, map(), null).status())
                .isEqualTo(200);
        Gateway.Response renewed = gateway.write("POST", "/api/v1/member/token-refreshes", null, map("refreshToken", refresh), null);
        assertThat(renewed.status()).as(renewed.toString()).isEqualTo(201);
    }
}
