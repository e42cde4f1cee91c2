package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * Scenario fixtures. Onboarding a tenant is a platform-operator action that the gateway deliberately
 * does not route ({@code /internal/platform/tenants} on member-service); it is the one call the
 * scenarios make past the gateway, as setup, so that each run works with fresh tenants of its own.
 */
final class Tenants {

    static final String MEMBER_SERVICE = RunningSuite.MEMBER_SERVICE;

    /** {@code miniAppId}: the tenant's mini-program, whose logins go to the WeChat sandbox. */
    record Tenant(String code, long id, long storeA, long storeB, String adminToken, String miniAppId, String adminPassword) {
    }

    private Tenants() {
    }

    static Tenant onboard(Gateway gateway, String prefix) {
        String code = (prefix + "-" + UUID.randomUUID().toString().substring(0, 8)).toLowerCase();
        String miniAppId = "wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String password = "pw-" + UUID.randomUUID();
        String body;
        try {
            body = Gateway.JSON.writeValueAsString(map(
                    "code", code, "name", "E2E " + code, "timeZone", "Asia/Shanghai",
                    "miniappAppId", miniAppId, "miniappSecret", "secret-" + code,
                    "stores", List.of(map("code", "A", "name", "Store A", "latitude", 31.19, "longitude", 121.43),
                            map("code", "B", "name", "Store B", "latitude", 31.23, "longitude", 121.50)),
                    "admin", map("username", "admin", "displayName", "Admin " + code, "password", password)));
            HttpResponse<String> created = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(MEMBER_SERVICE + "/internal/platform/tenants"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + platformToken())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("onboarding " + code + " failed: " + created.statusCode() + " " + created.body());
            }
            long tenantId = Gateway.JSON.readTree(created.body()).path("id").asLong();
            String token = signIn(gateway, code, "admin", password);
            JsonNode stores = gateway.get("/admin/v1/member/stores", token).body();
            return new Tenant(code, tenantId, stores.get(0).path("id").asLong(), stores.get(1).path("id").asLong(), token, miniAppId, password);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A platform-operator token from member-service's token endpoint (client credentials), with the
     * secret deploy/siyu.sh generated into its run directory.
     */
    static String platformToken() throws IOException, InterruptedException {
        String secret = null;
        for (String line : java.nio.file.Files.readAllLines(RunningSuite.runDir().resolve("secrets.env"))) {
            if (line.startsWith("SIYU_PLATFORM_OPERATOR_SECRET=")) {
                secret = line.substring(line.indexOf('=') + 1).trim();
            }
        }
        if (secret == null) {
            throw new IllegalStateException("no SIYU_PLATFORM_OPERATOR_SECRET in " + RunningSuite.runDir().resolve("secrets.env"));
        }
        String basic = java.util.Base64.getEncoder().encodeToString(("platform-operator:" + secret).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HttpResponse<String> token = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(MEMBER_SERVICE + "/internal/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=platform")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("platform token refused: " + token.statusCode() + " " + token.body());
        }
        return Gateway.JSON.readTree(token.body()).path("access_token").asText();
    }

    /** A staff account with the GUIDE role at {@code storeId}, enrolled in guide-service; returns (guide id, the guide's token). */
    static Guide guide(Gateway gateway, Tenant tenant, long storeId, String username) {
        return guide(gateway, tenant, storeId, username, null);
    }

    /** The same with the guide's {@code userid} in the tenant's WeCom corp (null: none). */
    static Guide guide(Gateway gateway, Tenant tenant, long storeId, String username, String wecomUserId) {
        String password = "pw-" + UUID.randomUUID();
        Gateway.Response staff = gateway.post("/admin/v1/member/staff", tenant.adminToken(), map("username", username,
                "displayName", "导购 " + username, "password", password, "roles", List.of("GUIDE"), "storeId", storeId));
        if (staff.status() != 201) {
            throw new IllegalStateException("staff " + username + ": " + staff);
        }
        String phone = "139" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
        java.util.Map<String, Object> enrol = new java.util.LinkedHashMap<>(map("staffId", staff.body().path("id").asLong(),
                "storeId", storeId, "name", "导购 " + username, "phone", phone));
        if (wecomUserId != null) {
            enrol.put("wecomUserId", wecomUserId);
        }
        Gateway.Response guide = gateway.post("/admin/v1/guide/guides", tenant.adminToken(), enrol);
        if (guide.status() != 201) {
            throw new IllegalStateException("guide " + username + ": " + guide);
        }
        return new Guide(guide.body().path("id").asLong(), storeId, signIn(gateway, tenant.code(), username, password));
    }

    record Guide(long id, long storeId, String token) {
    }

    static String signIn(Gateway gateway, String tenantCode, String username, String password) {
        Gateway.Response session = gateway.write("POST", "/api/v1/member/staff-sessions", null,
                map("tenantCode", tenantCode, "username", username, "password", password), null);
        if (session.status() != 201) {
            throw new IllegalStateException("sign-in failed: " + session);
        }
        return session.body().path("accessToken").asText();
    }
}
