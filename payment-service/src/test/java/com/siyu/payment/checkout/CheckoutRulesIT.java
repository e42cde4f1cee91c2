package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
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

/** Each mall's own promotions and points share at its cashier, with points priced at its points-service rate. */
@ServiceIT
class CheckoutRulesIT extends CashierApi {

    @Test
    void aTenantsOwnPromotionsAndPointsShareApplyAtOnceAndOtherTenantsKeepTheDefaults() {
        noCoupons();
        JsonNode defaults = read(http.exchange("/admin/v1/payment/checkout-rules", HttpMethod.GET, new HttpEntity<>(operator()), String.class));
        assertThat(defaults.path("source").asText()).isEqualTo("DEFAULT");
        assertThat(defaults.path("combo").path("percent").asInt()).isEqualTo(10);
        assertThat(defaults.path("pointsMaxSharePercent").asInt()).isEqualTo(50);
        assertThat(defaults.path("redeemPointsPerYuan").asInt()).isEqualTo(100);
        // with the defaults: 连单 15_000 + 12_000 and 满减 8_000
        assertThat(quote(null).path("promotionFen").asLong()).isEqualTo(35_000);

        JsonNode own = read(put(rules(null, List.of(tier(50_000, 5_000), tier(200_000, 30_000)), 20), operator()));
        assertThat(own.path("source").asText()).isEqualTo("TENANT");
        JsonNode q = quote(null);
        // no 连单 in this mall; gross 270_000 reaches the ¥2000 tier
        assertThat(q.path("promotionFen").asLong()).isEqualTo(30_000);
        // points pay at most 20 % of the 240_000 left
        assertThat(q.path("maxPoints").asLong()).isEqualTo(48_000);

        // the mall's points are worth half as much in points-service now: the same fen cost twice the points
        services.stubFor(get(urlEqualTo("/internal/points/policy")).willReturn(ok("{\"redeemPointsPerYuan\":200}")));
        JsonNode dearer = quote(10_000L);
        assertThat(dearer.path("pointsUsed").asLong()).isEqualTo(10_000);
        assertThat(dearer.path("pointsFen").asLong()).isEqualTo(5_000);

        JsonNode other = read(http.exchange("/admin/v1/payment/checkout-rules", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 2, "OPERATOR")), String.class));
        assertThat(other.path("source").asText()).isEqualTo("DEFAULT");
        assertThat(db.queryForObject("SELECT COUNT(*) FROM checkout_rules WHERE tenant_id = ?", Long.class, tenant)).isEqualTo(1);

        JsonNode reset = read(http.exchange("/admin/v1/payment/checkout-rules", HttpMethod.DELETE, new HttpEntity<>(Http.write(operator())),
                String.class));
        assertThat(reset.path("source").asText()).isEqualTo("DEFAULT");
        assertThat(quote(null).path("promotionFen").asLong()).isEqualTo(35_000);
    }

    @Test
    void rulesThatMakeNoSenseOrComeFromTheWrongRoleAreRefused() {
        assertThat(read(put(rules(null, List.of(tier(10_000, 10_000)), 50), operator())).path("code").asText()).isEqualTo("CHECKOUT_RULES_INVALID");
        assertThat(read(put(rules(null, List.of(tier(10_000, 500), tier(10_000, 800)), 50), operator())).path("code").asText())
                .isEqualTo("CHECKOUT_RULES_INVALID");
        Map<String, Object> badCombo = rules(Map.of("minOrders", 1, "thresholdFen", 100_000, "percent", 10, "perOrderCapFen", 20_000,
                "perPaymentCapFen", 50_000, "merchantSharePercent", 50), List.of(), 50);
        ResponseEntity<String> refused = put(badCombo, operator());
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(read(refused).path("errors").findValuesAsText("field")).contains("combo.minOrders");
        assertThat(put(rules(null, List.of(), 101), operator()).getStatusCode().value()).isEqualTo(400);
        assertThat(put(rules(null, List.of(), 50), Http.staff(tenant, 3, "CASHIER")).getStatusCode().value()).isEqualTo(403);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM checkout_rules WHERE tenant_id = ?", Long.class, tenant)).isZero();
    }

    private JsonNode quote(Long points) {
        Map<String, Object> body = new HashMap<>();
        body.put("orders", List.of(Map.of("merchantId", 11, "amountFen", 150_000), Map.of("merchantId", 12, "amountFen", 120_000)));
        if (points != null) {
            body.put("points", points);
        }
        ResponseEntity<String> quoted = http.exchange("/api/v1/payment/quotes", HttpMethod.POST, new HttpEntity<>(body, shopper), String.class);
        assertThat(quoted.getStatusCode().value()).as(quoted.getBody()).isEqualTo(200);
        return read(quoted);
    }

    private HttpHeaders operator() {
        return Http.staff(tenant, 2, "OPERATOR");
    }

    private ResponseEntity<String> put(Map<String, Object> body, HttpHeaders headers) {
        return http.exchange("/admin/v1/payment/checkout-rules", HttpMethod.PUT, new HttpEntity<>(body, Http.write(headers)), String.class);
    }

    private static Map<String, Object> rules(Map<String, Object> combo, List<Map<String, Object>> tiers, int share) {
        Map<String, Object> body = new HashMap<>();
        body.put("combo", combo);
        body.put("tiers", tiers);
        body.put("tierMerchantSharePercent", 0);
        body.put("pointsMaxSharePercent", share);
        return body;
    }

    private static Map<String, Object> tier(long threshold, long off) {
        return Map.of("thresholdFen", threshold, "offFen", off);
    }
}
