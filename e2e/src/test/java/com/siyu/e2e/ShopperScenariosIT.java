package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A shopper through the gateway: mini-program login (the gateway finds the mall from the app id, the
 * WeChat sandbox answers for WeChat), phone binding, token refresh, and the boundaries around them.
 */
@ExtendWith(RunningSuite.class)
class ShopperScenariosIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mall;
    private static Tenants.Tenant otherMall;

    @BeforeAll
    static void tenants() {
        mall = Tenants.onboard(gateway, "e2e-shop");
        otherMall = Tenants.onboard(gateway, "e2e-other");
    }

    @Test
    void aShopperLogsInBindsAPhoneAndStaysSignedIn() {
        String code = "shopper-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway.Response login = login(mall, code);
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        assertThat(login.body().path("newMember").asBoolean()).isTrue();
        String token = login.body().path("accessToken").asText();
        long memberId = login.body().path("memberId").asLong();

        Gateway.Response me = gateway.get("/api/v1/member/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("id").asLong()).isEqualTo(memberId);
        assertThat(me.body().path("stage").asText()).isEqualTo("WALK_IN");

        String phone = FoundationScenariosIT.randomPhone();
        Gateway.Response bound = gateway.post("/api/v1/member/me/phone", token, map("phoneCode", "phone-" + phone));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(gateway.get("/api/v1/member/me", token).body().path("stage").asText()).isEqualTo("REGISTERED");

        Gateway.Response refreshed = gateway.write("POST", "/api/v1/member/token-refreshes", null,
                map("refreshToken", login.body().path("refreshToken").asText()), null);
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(201);
        assertThat(gateway.get("/api/v1/member/me", refreshed.body().path("accessToken").asText()).body().path("id").asLong()).isEqualTo(memberId);

        // the same WeChat user logging in again is the same member
        assertThat(login(mall, code).body().path("memberId").asLong()).isEqualTo(memberId);
        // the mall's staff see the shopper, and the identities WeChat vouched for
        Gateway.Response identities = gateway.get("/admin/v1/member/members/" + memberId + "/identities", mall.adminToken());
        assertThat(identities.body().findValuesAsText("kind")).contains("MINIAPP_OPENID", "PHONE");
    }

    @Test
    void aCounterMemberWhoLaterUsesTheMiniProgramIsOneMember() {
        String phone = FoundationScenariosIT.randomPhone();
        Gateway.Response registered = gateway.post("/admin/v1/member/members", mall.adminToken(), map("phone", phone));
        long counterMember = registered.body().path("id").asLong();
        Gateway.Response login = login(mall, "counter-" + UUID.randomUUID().toString().substring(0, 8));
        Gateway.Response bound = gateway.post("/api/v1/member/me/phone", login.body().path("accessToken").asText(), map("phoneCode", "phone-" + phone));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
        assertThat(bound.body().path("merged").asBoolean()).isTrue();
        assertThat(bound.body().path("memberId").asLong()).isEqualTo(counterMember);
        String survivorToken = bound.body().path("session").path("accessToken").asText();
        assertThat(gateway.get("/api/v1/member/me", survivorToken).body().path("id").asLong()).isEqualTo(counterMember);
    }

    @Test
    void theBoundariesHold() {
        Gateway.Response unknownApp = gateway.write("POST", "/api/v1/member/mini-program-sessions", null, map("code", "x"), null,
                "X-Miniapp-AppId", "wx-nobody-uses-this");
        assertThat(unknownApp.status()).isEqualTo(400);
        assertThat(unknownApp.code()).isEqualTo("UNKNOWN_MINIAPP");
        Gateway.Response badCode = login(mall, "invalid-code");
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.code()).isEqualTo("WECHAT_CODE_INVALID");

        String token = login(mall, "bound-" + UUID.randomUUID().toString().substring(0, 8)).body().path("accessToken").asText();
        assertThat(gateway.get("/api/v1/member/me", null).code()).isEqualTo("TOKEN_REQUIRED");
        Gateway.Response memberOnStaffPath = gateway.get("/admin/v1/member/stores", token);
        assertThat(memberOnStaffPath.status()).isEqualTo(403);
        assertThat(memberOnStaffPath.code()).isEqualTo("STAFF_TOKEN_REQUIRED");

        String qr = "qr-" + UUID.randomUUID().toString().substring(0, 12);
        Gateway.Response counter = gateway.post("/admin/v1/member/stores/" + otherMall.storeA() + "/merchants", otherMall.adminToken(),
                map("code", "C1", "brand", "Brand", "category", "food", "cashierQrId", qr));
        assertThat(counter.status()).as(counter.toString()).isEqualTo(201);
        assertThat(gateway.get("/api/v1/member/cashier-codes/" + qr, token).status()).as("another mall's counter").isEqualTo(404);
    }

    private static Gateway.Response login(Tenants.Tenant tenant, String code) {
        return gateway.write("POST", "/api/v1/member/mini-program-sessions", null, map("code", code), null,
                "X-Miniapp-AppId", tenant.miniAppId());
    }
}
