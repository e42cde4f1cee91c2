package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Guides through the gateway: a GUIDE staff account enrolled as a guide hands out its code; a shopper scans it and is
 * bound; another guide's share link credits that guide for the payment made through it; commission settles and is paid.
 */
@ExtendWith(RunningSuite.class)
class GuideScenariosIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static Tenants.Tenant mall;
    private static Tenants.Tenant otherMall;

    @BeforeAll
    static void malls() {
        mall = Tenants.onboard(gateway, "e2e-guide");
        otherMall = Tenants.onboard(gateway, "e2e-guide-b");
    }

    @Test
    void aShopperScansTheGuidesCodeAndBecomesTheirMemberUnderTheTenantsRule() {
        Tenants.Guide li = Tenants.guide(gateway, mall, mall.storeA(), "li-" + suffix());
        Tenants.Guide wang = Tenants.guide(gateway, mall, mall.storeB(), "wang-" + suffix());
        Gateway.Response code = gateway.get("/admin/v1/guide/me/code", li.token());
        assertThat(code.status()).as(code.toString()).isEqualTo(200);
        String liCode = code.body().path("token").asText();
        String wangCode = gateway.get("/admin/v1/guide/me/code", wang.token()).body().path("token").asText();

        Gateway.Response login = login(mall);
        String shopper = login.body().path("accessToken").asText();
        long member = login.body().path("memberId").asLong();
        Gateway.Response bound = gateway.post("/api/v1/guide/bindings", shopper, map("code", liCode));
        assertThat(bound.status()).as(bound.toString()).isEqualTo(201);
        assertThat(bound.body().path("outcome").asText()).isEqualTo("BIND");
        assertThat(gateway.get("/api/v1/guide/my-guide", shopper).body().path("guideId").asLong()).isEqualTo(li.id());
        // within the default 30 protection days another guide's code does not take the shopper
        Gateway.Response kept = gateway.post("/api/v1/guide/bindings", shopper, map("code", wangCode));
        assertThat(kept.body().path("outcome").asText()).isEqualTo("KEEP");
        assertThat(kept.body().path("guideId").asLong()).isEqualTo(li.id());

        // the guide sees the shopper among their members; the other guide neither sees the member nor its history
        assertThat(gateway.get("/admin/v1/guide/me/members", li.token()).body().findValuesAsText("memberId")).contains(Long.toString(member));
        assertThat(gateway.get("/admin/v1/guide/members/" + member + "/binding-history", wang.token()).status()).isEqualTo(404);
        Gateway.Response history = gateway.get("/admin/v1/guide/members/" + member + "/binding-history", mall.adminToken());
        assertThat(history.body().findValuesAsText("source")).containsExactly("CODE");

        // a target over both stores' guides: li's one new member is li's, the store's and the mall's progress
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        Gateway.Response target = gateway.post("/admin/v1/guide/targets", mall.adminToken(), map("name", "New members", "metric", "NEW_BINDINGS",
                "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(1).toString(), "goal", 30, "departments",
                List.of(map("name", "All", "stores", List.of(map("storeId", mall.storeA()), map("storeId", mall.storeB()))))));
        assertThat(target.status()).as(target.toString()).isEqualTo(201);
        Gateway.Response planned = gateway.get("/admin/v1/guide/targets/" + target.body().path("id").asLong() + "?granularity=DAY",
                mall.adminToken());
        assertThat(planned.body().path("nodes").get(0).path("goal").asLong()).as(planned.toString()).isEqualTo(30);
        assertThat(planned.body().path("nodes").get(0).path("actual").asLong()).isEqualTo(1);
        for (com.fasterxml.jackson.databind.JsonNode node : planned.body().path("nodes")) {
            if ("GUIDE".equals(node.path("level").asText())) {
                assertThat(node.path("actual").asLong()).as(node.toString()).isEqualTo(node.path("refId").asLong() == li.id() ? 1 : 0);
            }
        }

        // the shopper pays at a counter: li earns 3 %, PENDING for the refund window (0 days here), then settled and paid out
        long counter = gateway.post("/admin/v1/member/stores/" + mall.storeA() + "/merchants", mall.adminToken(), map("code", "G1", "brand", "Brand",
                "category", "apparel", "cashierQrId", "qr-" + suffix() + suffix())).body().path("id").asLong();
        assertThat(gateway.post("/admin/v1/guide/commission-rules", mall.adminToken(), map("kind", "PERCENT", "value", 300)).status()).isEqualTo(201);
        assertThat(gateway.put("/admin/v1/guide/commission-policy", mall.adminToken(), map("refundWindowDays", 0)).status()).isEqualTo(200);
        pay(shopper, counter, 10_000, null);
        assertThat(awaitCommission(li, "PENDING", 300)).isTrue();

        // wang shares the counter's down jacket; the shopper opens the link (li keeps them) and pays through it: wang is credited
        Gateway.Response shared = gateway.post("/admin/v1/guide/me/share-links", wang.token(), map("kind", "PRODUCT", "title", "Down jacket",
                "merchantId", counter, "sku", "DJ-1"));
        assertThat(shared.status()).as(shared.toString()).isEqualTo(201);
        Gateway.Response opened = gateway.post("/api/v1/guide/share-visits", shopper, map("token", shared.body().path("token").asText()));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(opened.body().path("binding").path("outcome").asText()).isEqualTo("KEEP");
        pay(shopper, counter, 20_000, opened.body().path("attribution").asText());
        assertThat(awaitCommission(wang, "PENDING", 600)).isTrue();
        assertThat(gateway.get("/admin/v1/guide/me/commission", li.token()).body().path("totalsFen").path("PENDING").asLong()).isEqualTo(300);
        Gateway.Response links = gateway.get("/admin/v1/guide/me/share-links", wang.token());
        assertThat(links.body().get(0).path("orders").asLong()).as(links.toString()).isEqualTo(1);
        assertThat(links.body().get(0).path("paidFen").asLong()).isEqualTo(20_000);

        assertThat(gateway.post("/admin/v1/guide/commission/settlement-runs", mall.adminToken(), map()).body().path("settled").asInt()).isEqualTo(2);
        Gateway.Response payout = gateway.post("/admin/v1/guide/commission/payouts", mall.adminToken(), map());
        assertThat(payout.status()).as(payout.toString()).isEqualTo(201);
        assertThat(payout.body().path("totalFen").asLong()).isEqualTo(900);
        assertThat(awaitCommission(li, "PAID", 300)).isTrue();
        assertThat(awaitCommission(wang, "PAID", 600)).isTrue();

        // li leaves: the store's other guide takes the shopper, and li's code binds nobody any more
        Tenants.Guide zhao = Tenants.guide(gateway, mall, mall.storeA(), "zhao-" + suffix());
        Gateway.Response handover = gateway.post("/admin/v1/guide/guides/" + li.id() + "/handovers", mall.adminToken(),
                map("status", "LEFT", "reason", "resigned"));
        assertThat(handover.status()).as(handover.toString()).isEqualTo(202);
        long handoverId = handover.body().path("id").asLong();
        Gateway.Response progress = gateway.get("/admin/v1/guide/handovers/" + handoverId, mall.adminToken());
        for (int i = 0; i < 100 && !progress.body().path("status").asText().equals("DONE"); i++) {
            sleep(100);
            progress = gateway.get("/admin/v1/guide/handovers/" + handoverId, mall.adminToken());
        }
        assertThat(progress.body().path("moved").asInt()).as(progress.toString()).isEqualTo(1);
        assertThat(gateway.get("/api/v1/guide/my-guide", shopper).body().path("guideId").asLong()).isEqualTo(zhao.id());
        assertThat(gateway.post("/api/v1/guide/bindings", shopper, map("code", liCode)).code()).isEqualTo("GUIDE_NOT_ACTIVE");
        // the next purchase credits the new guide; what li earned stays li's
        pay(shopper, counter, 5_000, null);
        assertThat(awaitCommission(zhao, "PENDING", 150)).isTrue();
        assertThat(gateway.get("/admin/v1/guide/me/commission", li.token()).body().path("totalsFen").path("PAID").asLong()).isEqualTo(300);

        // another mall's shopper cannot use this mall's code
        Gateway.Response foreign = gateway.post("/api/v1/guide/bindings", login(otherMall).body().path("accessToken").asText(),
                map("code", liCode));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.code()).isEqualTo("GUIDE_CODE_INVALID");
    }

    @Test
    void aShopperAddingTheGuideOnWecomIsBoundThroughTheGatewaysSignedCallback() {
        String aesKey = "e2eWecomKey0123456789abcdefghijklmnopqrstuv";
        String corpId = "ww" + suffix() + suffix();
        Gateway.Response corp = gateway.put("/admin/v1/guide/wecom/corp", mall.adminToken(), map("corpId", corpId, "contactSecret", "e2e-secret",
                "callbackToken", "e2eToken", "aesKey", aesKey));
        assertThat(corp.status()).as(corp.toString()).isEqualTo(200);
        String userId = "zhou-" + suffix();
        Tenants.Guide zhou = Tenants.guide(gateway, mall, mall.storeA(), userId, userId);
        // the shopper signed in to the mini-program once (unionid u-<person>); WeCom knows the same person's unionid
        String person = suffix();
        Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null, map("code", "wecom-" + person + "~" + person),
                null, "X-Miniapp-AppId", mall.miniAppId());
        String shopper = login.body().path("accessToken").asText();

        me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl config = wecomConfig(corpId, "e2eToken", aesKey);
        String add = "<xml><ToUserName>" + corpId + "</ToUserName><FromUserName>sys</FromUserName><CreateTime>1</CreateTime>"
                + "<MsgType>event</MsgType><Event>change_external_contact</Event><ChangeType>add_external_contact</ChangeType><UserID>" + userId
                + "</UserID><ExternalUserID>wm" + person + "~" + person + "</ExternalUserID><WelcomeCode>wc-" + person + "</WelcomeCode></xml>";
        Gateway.Response forged = callback(add, new me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil(wecomConfig(corpId, "notTheToken", aesKey)));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(401);
        assertThat(gateway.get("/api/v1/guide/my-guide", shopper).body().path("guideId").asLong()).isNotEqualTo(zhou.id());

        Gateway.Response delivered = callback(add, new me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil(config));
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        assertThat(delivered.raw().body()).isEqualTo("success");
        assertThat(callback(add, new me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil(config)).status()).isEqualTo(200);
        Gateway.Response mine = gateway.get("/api/v1/guide/my-guide", shopper);
        assertThat(mine.body().path("guideId").asLong()).as(mine.toString()).isEqualTo(zhou.id());
        long member = login.body().path("memberId").asLong();
        Gateway.Response history = gateway.get("/admin/v1/guide/members/" + member + "/binding-history", mall.adminToken());
        assertThat(history.body().findValuesAsText("source")).containsExactly("WECOM");
        // member-service recorded the WeCom contact on the member
        assertThat(gateway.get("/admin/v1/member/members/" + member + "/identities", mall.adminToken()).body().findValuesAsText("kind"))
                .contains("WECOM_EXTERNAL_ID");
        // the GuideBound went out through the outbox and RabbitMQ and came back to guide-service's inbox: a welcome task
        boolean welcomed = false;
        for (int i = 0; i < 200 && !welcomed; i++) {
            Gateway.Response tasks = gateway.get("/admin/v1/guide/me/tasks", zhou.token());
            for (com.fasterxml.jackson.databind.JsonNode task : tasks.body().path("tasks")) {
                welcomed |= "WELCOME".equals(task.path("rule").asText()) && task.path("memberId").asLong() == member;
            }
            if (!welcomed) {
                sleep(100);
            }
        }
        assertThat(welcomed).as("a WELCOME task for the new member within 20 s").isTrue();
    }

    private static me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl wecomConfig(String corpId, String token, String aesKey) {
        me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl config = new me.chanjar.weixin.cp.config.impl.WxCpDefaultConfigImpl();
        config.setCorpId(corpId);
        config.setToken(token);
        config.setAesKey(aesKey);
        return config;
    }

    /** A WeCom callback to the mall's URL through the gateway, encrypted and signed as WeCom does. */
    private static Gateway.Response callback(String plainXml, me.chanjar.weixin.cp.util.crypto.WxCpCryptUtil crypt) {
        me.chanjar.weixin.common.util.crypto.WxCryptUtil.EncryptContext sealed = crypt.encryptContext(plainXml);
        String body = "<xml><Encrypt><![CDATA[" + sealed.getEncrypt() + "]]></Encrypt></xml>";
        return gateway.write("POST", "/api/v1/guide/wecom/callbacks/" + mall.id() + "?msg_signature=" + sealed.getSignature() + "&timestamp="
                + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce(), null, body, null);
    }

    private static Gateway.Response login(Tenants.Tenant tenant) {
        Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null,
                map("code", "guide-" + UUID.randomUUID().toString().substring(0, 8)), null, "X-Miniapp-AppId", tenant.miniAppId());
        assertThat(login.status()).as(login.toString()).isIn(200, 201);
        return login;
    }

    /** {@code attribution}: the share-link token the shopper came through, or null. */
    private static void pay(String shopper, long counter, long amountFen, String attribution) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>(map("orders", List.of(map("merchantId", counter, "amountFen", amountFen))));
        if (attribution != null) {
            body.put("attribution", attribution);
        }
        Gateway.Response paid = gateway.post("/api/v1/payment/payments", shopper, body);
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    }

    /** Whether the guide's commission in {@code status} reaches {@code fen} within 20 s (payment events arrive through RabbitMQ). */
    private static boolean awaitCommission(Tenants.Guide guide, String status, long fen) {
        for (int i = 0; i < 200; i++) {
            if (gateway.get("/admin/v1/guide/me/commission", guide.token()).body().path("totalsFen").path(status).asLong() == fen) {
                return true;
            }
            sleep(100);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
