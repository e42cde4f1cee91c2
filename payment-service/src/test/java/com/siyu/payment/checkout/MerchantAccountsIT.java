package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * One WeChat Pay merchant per tenant (issue 10 §4): a PARTNER tenant pays through WxJava's service-provider
 * APIs (sp_mchid = the deployment's merchant, its own sub_mchid and mini-program), a DIRECT tenant through
 * its own merchant and keys (stored sealed); each payment's notifications, queries and closes go to and must
 * come from the merchant that took it. WeChat Pay is the signing WireMock stub, verified by WxJava for real.
 */
@ServiceIT
class MerchantAccountsIT extends CashierApi {


    private void miniProgram(String appId, String openid) {
        services.stubFor(get(urlEqualTo("/internal/tenants/current"))
                .willReturn(ok("{\"id\":" + tenant + ",\"miniappAppId\":\"" + appId + "\"}")));
        services.stubFor(get(urlEqualTo("/internal/members/" + member + "/identities/MINIAPP_OPENID?scope=" + appId))
                .willReturn(ok("{\"memberId\":" + member + ",\"kind\":\"MINIAPP_OPENID\",\"scope\":\"" + appId + "\",\"value\":\"" + openid
                        + "\",\"verified\":true}")));
    }

    private ResponseEntity<String> configure(long tenantId, Map<String, Object> body) {
        return http.exchange("/internal/platform/payment/tenants/" + tenantId + "/merchant-account", HttpMethod.PUT,
                new HttpEntity<>(body, Http.write(Http.platform())), String.class);
    }

    private ResponseEntity<String> payFor(String openid) {
        noCoupons();
        return http.exchange("/api/v1/payment/payments", HttpMethod.POST, new HttpEntity<>(Map.of("orders",
                List.of(Map.of("merchantId", 11, "amountFen", 8_800)), "couponIds", List.of(), "points", 0, "payerOpenid", openid),
                Http.write(shopper)), String.class);
    }

    private int notify(String path, WechatPayStub.Notification n) {
        return http.exchange("/api/v1/payment/notifications/wechat" + path, HttpMethod.POST, new HttpEntity<>(n.body(), n.headers()),
                String.class).getStatusCode().value();
    }

    private String status(String paymentNo) {
        return db.queryForObject("SELECT status FROM checkout_payment WHERE payment_no = ?", String.class, paymentNo);
    }

    @Test
    void aSubMerchantTenantPaysThroughTheServiceProviderApisInItsOwnMiniProgram() {
        miniProgram("wx_mall_partner_01", "o-partner-payer");
        // a sub-merchant number of this run's tenant: the database outlives runs and a number belongs to one tenant
        String subMch = "17" + String.format("%08d", tenant % 100_000_000);
        JsonNode account = read(configure(tenant, Map.of("mode", "PARTNER", "subMchId", subMch)));
        assertThat(account.path("mode").asText()).isEqualTo("PARTNER");
        assertThat(account.path("subMchId").asText()).isEqualTo(subMch);
        assertThat(account.path("credentialsStored").asBoolean()).isFalse();

        wechat.partnerPrepayAnswers("wx-partner-prepay-1");
        ResponseEntity<String> opened = payFor("o-partner-payer");
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String no = read(opened).path("paymentNo").asText();
        // the mini-program pays in its own app: WxJava signs the client parameters for the sub_appid
        assertThat(read(opened).path("payParams").path("appId").asText()).isEqualTo("wx_mall_partner_01");
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/partner/transactions/jsapi"))
                .withRequestBody(matchingJsonPath("$.sp_mchid", equalTo(WechatPayStub.MCH_ID)))
                .withRequestBody(matchingJsonPath("$.sp_appid", equalTo(WechatPayStub.APP_ID)))
                .withRequestBody(matchingJsonPath("$.sub_mchid", equalTo(subMch)))
                .withRequestBody(matchingJsonPath("$.sub_appid", equalTo("wx_mall_partner_01")))
                .withRequestBody(matchingJsonPath("$.payer.sub_openid", equalTo("o-partner-payer")))
                .withRequestBody(matchingJsonPath("$.out_trade_no", equalTo(no)))
                .withRequestBody(matchingJsonPath("$.notify_url", equalTo("https://mall.example.com/api/v1/payment/notifications/wechat/partner"))));
        assertThat(db.queryForObject("SELECT payee FROM wechat_payee WHERE no = ?", String.class, no)).isEqualTo("PARTNER:" + subMch);

        // another sub-merchant's notification, or the deployment merchant's own, cannot settle this payment
        assertThat(notify("/partner", wechat.partnerNotification(no, txn("p1"), 8_800, "1900000199", "wx_other"))).isEqualTo(400);
        assertThat(notify("", wechat.notification(no, txn("p2"), 8_800))).isEqualTo(400);
        assertThat(status(no)).isEqualTo("PENDING");
        assertThat(notify("/partner", wechat.partnerNotification(no, txn("p3"), 8_800, subMch, "wx_mall_partner_01"))).isEqualTo(204);
        assertThat(status(no)).isEqualTo("PAID");

        // an unpaid payment of this tenant is queried and closed at the sub-merchant
        wechat.partnerPrepayAnswers("wx-partner-prepay-2");
        String unpaid = read(payFor("o-partner-payer")).path("paymentNo").asText();
        wechatServer.stubFor(get(urlPathEqualTo("/v3/pay/partner/transactions/out-trade-no/" + unpaid)).willReturn(wechat.signed(200,
                "{\"sp_appid\":\"" + WechatPayStub.APP_ID + "\",\"sp_mchid\":\"" + WechatPayStub.MCH_ID + "\",\"sub_mchid\":\"" + subMch
                        + "\",\"out_trade_no\":\"" + unpaid + "\",\"trade_state\":\"NOTPAY\",\"trade_state_desc\":\"未支付\"}")));
        wechatServer.stubFor(post(urlEqualTo("/v3/pay/partner/transactions/out-trade-no/" + unpaid + "/close"))
                .willReturn(wechat.signed(204, "")));
        releasesAnswer();
        CallerContext.runAs(Caller.system(tenant), () -> expiry.expire(unpaid));
        wechatServer.verify(getRequestedFor(urlPathEqualTo("/v3/pay/partner/transactions/out-trade-no/" + unpaid))
                .withQueryParam("sp_mchid", equalTo(WechatPayStub.MCH_ID)).withQueryParam("sub_mchid", equalTo(subMch)));
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/partner/transactions/out-trade-no/" + unpaid + "/close"))
                .withRequestBody(matchingJsonPath("$.sub_mchid", equalTo(subMch))));
        assertThat(status(unpaid)).isEqualTo("CLOSED");

        // a sub-merchant is one tenant's
        long other = tenant + 1;
        ResponseEntity<String> taken = configure(other, Map.of("mode", "PARTNER", "subMchId", subMch));
        assertThat(taken.getStatusCode().value()).as(taken.getBody()).isEqualTo(409);
        assertThat(read(taken).path("code").asText()).isEqualTo("MERCHANT_TAKEN");
        db.update("DELETE FROM payment_merchant_account WHERE tenant_id = ?", tenant);   // the sub-merchant id is reused by later runs
    }

    @Test
    void aDirectMerchantTenantPaysWithItsOwnKeysWhichAreStoredSealed() {
        miniProgram("wx_mall_direct_02", "o-direct-payer");
        WechatPayStub own = new WechatPayStub(wechatServer);
        String mchId = "19" + String.format("%08d", tenant % 100_000_000);
        Map<String, Object> body = new HashMap<>(Map.of("mode", "DIRECT", "mchId", mchId, "apiV3Key", WechatPayStub.API_V3_KEY,
                "merchantSerialNo", "6A1B2C3D4E5F", "privateKey", own.merchantPrivateKeyPem(), "platformPublicKey", own.platformPublicKeyPem(),
                "platformPublicKeyId", "PUB_KEY_ID_0119000000099"));
        Map<String, Object> badKey = new HashMap<>(body);
        badKey.put("privateKey", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----");
        ResponseEntity<String> refused = configure(tenant, badKey);
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
        assertThat(read(refused).path("detail").asText()).contains("privateKey");
        JsonNode account = read(configure(tenant, body));
        assertThat(account.path("credentialsStored").asBoolean()).isTrue();
        assertThat(account.toString()).doesNotContain(WechatPayStub.API_V3_KEY).doesNotContain("PRIVATE KEY");
        Map<String, Object> row = db.queryForMap("SELECT api_v3_key, private_key FROM payment_merchant_account WHERE tenant_id = ?", tenant);
        assertThat((String) row.get("api_v3_key")).doesNotContain(WechatPayStub.API_V3_KEY);
        assertThat((String) row.get("private_key")).doesNotContain("BEGIN").doesNotContain(own.merchantPrivateKeyPem().substring(40, 80));

        own.prepayAnswers("wx-direct-prepay-1");
        ResponseEntity<String> opened = payFor("o-direct-payer");
        assertThat(opened.getStatusCode().value()).as(opened.getBody()).isEqualTo(201);
        String no = read(opened).path("paymentNo").asText();
        wechatServer.verify(postRequestedFor(urlEqualTo("/v3/pay/transactions/jsapi"))
                .withRequestBody(matchingJsonPath("$.mchid", equalTo(mchId)))
                .withRequestBody(matchingJsonPath("$.appid", equalTo("wx_mall_direct_02")))
                .withRequestBody(matchingJsonPath("$.payer.openid", equalTo("o-direct-payer")))
                .withRequestBody(matchingJsonPath("$.notify_url",
                        equalTo("https://mall.example.com/api/v1/payment/notifications/wechat/merchants/" + mchId))));
        // signed with the deployment's platform key, or sent to the deployment's URL: not this merchant's notification
        assertThat(notify("/merchants/" + mchId, wechat.notification(no, txn("d1"), 8_800, mchId, wechat.platform.getPrivate()))).isEqualTo(400);
        assertThat(notify("", own.notification(no, txn("d2"), 8_800, mchId, own.platform.getPrivate()))).isEqualTo(400);
        assertThat(notify("/merchants/1900000000", own.notification(no, txn("d3"), 8_800, mchId, own.platform.getPrivate()))).isEqualTo(400);
        assertThat(status(no)).isEqualTo("PENDING");
        assertThat(notify("/merchants/" + mchId, own.notification(no, txn("d4"), 8_800, mchId, own.platform.getPrivate()))).isEqualTo(204);
        assertThat(status(no)).isEqualTo("PAID");
        assertThat(read(http.exchange("/internal/platform/payment/tenants/" + tenant + "/merchant-account", HttpMethod.GET,
                new HttpEntity<>(Http.platform()), String.class)).path("mchId").asText()).isEqualTo(mchId);
        ResponseEntity<String> asStaff = http.exchange("/internal/platform/payment/tenants/" + tenant + "/merchant-account", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant, 1, "TENANT_ADMIN")), String.class);
        assertThat(asStaff.getStatusCode().value()).isIn(401, 403);
    }

    @Test
    void aTenantWithoutAMiniProgramCannotGetAMerchantAccount() {
        services.stubFor(get(urlEqualTo("/internal/tenants/current")).willReturn(ok("{\"id\":" + tenant + ",\"miniappAppId\":null}")));
        ResponseEntity<String> refused = configure(tenant, Map.of("mode", "PARTNER", "subMchId", "1900000777"));
        assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(422);
        assertThat(read(refused).path("code").asText()).isEqualTo("MINIPROGRAM_REQUIRED");
        HttpHeaders platform = Http.write(Http.platform());
        ResponseEntity<String> mixed = http.exchange("/internal/platform/payment/tenants/" + tenant + "/merchant-account", HttpMethod.PUT,
                new HttpEntity<>(Map.of("mode", "PARTNER", "subMchId", "1900000777", "apiV3Key", WechatPayStub.API_V3_KEY), platform), String.class);
        assertThat(mixed.getStatusCode().value()).isEqualTo(400);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM payment_merchant_account WHERE tenant_id = ?", Integer.class, tenant)).isZero();
    }
}
