package com.siyu.e2e;

import static com.siyu.e2e.Gateway.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reach-back through the gateway with every service real: a shopper's "allow" for the mall's thank-you template is one
 * send; a paid cashier payment (PaymentSucceeded through RabbitMQ and touchpoint-service's inbox) becomes the
 * POST_PAYMENT preset's subscription message through WxJava to the sandbox (member-service holding the access token),
 * once, taking that one quota; the shopper opens it (a click) and their next payment is credited to it on the
 * dashboard, while that payment's own message is skipped for want of a quota.
 */
@ExtendWith(RunningSuite.class)
class TouchpointScenariosIT {

    private static final Gateway gateway = new Gateway(RunningSuite.GATEWAY);
    private static final String TEMPLATE = "tmpl-e2e-thanks";
    private static Tenants.Tenant mall;
    private static long counter;

    @BeforeAll
    static void mallWithAThankYouPreset() {
        mall = Tenants.onboard(gateway, "e2e-touch");
        Gateway.Response created = gateway.post("/admin/v1/member/stores/" + mall.storeA() + "/merchants", mall.adminToken(),
                map("code", "T1", "brand", "Brand T", "category", "food", "cashierQrId", "qr-" + UUID.randomUUID().toString().substring(0, 12)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        counter = created.body().path("id").asLong();
        // quiet hours far from now, whenever the suite runs (the default 21:00-09:00 would defer the send)
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalTime start = LocalTime.now(zone).plusHours(12).withSecond(0).withNano(0);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Gateway.Response quiet = gateway.put("/admin/v1/touchpoint/quiet-hours", mall.adminToken(), map("start", hhmm.format(start),
                "end", hhmm.format(start.plusHours(1)), "timeZone", zone.getId()));
        assertThat(quiet.status()).as(quiet.toString()).isEqualTo(200);
        Gateway.Response preset = gateway.put("/admin/v1/touchpoint/presets/POST_PAYMENT", mall.adminToken(), map("enabled", true,
                "templateId", TEMPLATE, "page", "pages/member/index", "fields", map("amount1", "{amount}", "time2", "{paidAt}",
                        "character_string3", "{paymentNo}")));
        assertThat(preset.status()).as(preset.toString()).isEqualTo(200);
    }

    @Test
    void aPaidPaymentSendsTheThankYouOnceAndTakesTheShoppersOneQuota() {
        String code = "touch-" + UUID.randomUUID().toString().substring(0, 8);
        Gateway.Response login = gateway.write("POST", "/api/v1/member/mini-program-sessions", null, map("code", code), null,
                "X-Miniapp-AppId", mall.miniAppId());
        assertThat(login.status()).as(login.toString()).isEqualTo(201);
        String token = login.body().path("accessToken").asText();
        long memberId = login.body().path("memberId").asLong();

        Gateway.Response allowed = gateway.post("/api/v1/touchpoint/subscriptions", token, map("results", map(TEMPLATE, "accept", "tmpl-other",
                "reject")));
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
        assertThat(allowed.body().path("quotas").get(0).path("quota").asInt()).isEqualTo(1);

        String first = pay(token, code, 8800);
        JsonNode sent = awaitSend(memberId, first);
        assertThat(sent.path("status").asText()).as(sent.toString()).isEqualTo("SENT");
        assertThat(sent.path("channelMsgId").asText()).isNotBlank();
        assertThat(sent.path("data").path("amount1").asText()).isEqualTo("¥88.00");
        assertThat(sent.path("data").path("character_string3").asText()).isEqualTo(first);
        assertThat(gateway.get("/api/v1/touchpoint/subscriptions", token).body().path("quotas").get(0).path("quota").asInt()).isZero();

        // the shopper opens the message (the page carries tp=<token>): a click, and their next payment is the message's
        Gateway.Response click = gateway.post("/api/v1/touchpoint/clicks", token, map("token", sent.path("trackingToken").asText()));
        assertThat(click.status()).as(click.toString()).isEqualTo(200);
        String second = pay(token, code, 1200);
        JsonNode skipped = awaitSend(memberId, second);
        assertThat(skipped.path("status").asText() + " " + skipped.path("reason").asText()).isEqualTo("SKIPPED NO_QUOTA");
        java.time.LocalDate today = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode board = gateway.get("/admin/v1/touchpoint/dashboard?from=" + today.minusDays(1) + "&to=" + today.plusDays(1), mall.adminToken()).body();
        assertThat(board.path("sent").asLong()).as(board.toString()).isEqualTo(1);
        assertThat(board.path("clicked").asLong()).isEqualTo(1);
        assertThat(board.path("converted").asLong()).isEqualTo(1);
        assertThat(board.path("attributedFen").asLong()).isEqualTo(1200);
        // one message per payment, whatever RabbitMQ redelivered
        JsonNode all = gateway.get("/admin/v1/touchpoint/sends?memberId=" + memberId, mall.adminToken()).body();
        assertThat(all.size()).isEqualTo(2);
    }

    private static String pay(String token, String code, long fen) {
        Gateway.Response paid = gateway.post("/api/v1/payment/payments", token, map("orders", List.of(map("merchantId", counter, "amountFen", fen)),
                "payerOpenid", "o-" + code));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        String paymentNo = paid.body().path("paymentNo").asText();
        Instant deadline = Instant.now().plusSeconds(20);
        while (!"PAID".equals(gateway.get("/api/v1/payment/payments/" + paymentNo, token).body().path("status").asText())) {
            assertThat(Instant.now()).as("payment " + paymentNo + " paid").isBefore(deadline);
            sleep();
        }
        return paymentNo;
    }

    /** The send of this payment once it has left QUEUED (the inbox takes the event, the dispatcher runs every 5 s). */
    private static JsonNode awaitSend(long memberId, String paymentNo) {
        Instant deadline = Instant.now().plusSeconds(45);
        while (true) {
            for (JsonNode send : gateway.get("/admin/v1/touchpoint/sends?memberId=" + memberId, mall.adminToken()).body()) {
                if (paymentNo.equals(send.path("data").path("character_string3").asText()) && !"QUEUED".equals(send.path("status").asText())
                        && !"SENDING".equals(send.path("status").asText())) {
                    return send;
                }
            }
            assertThat(Instant.now()).as("the message of " + paymentNo).isBefore(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
