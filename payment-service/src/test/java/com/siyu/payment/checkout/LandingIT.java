package com.siyu.payment.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The merchant landing page after payment: a tenant default, a counter's own page, and what the shopper gets. */
@ServiceIT
class LandingIT extends CashierApi {

    @Test
    void theShopperGetsEachCountersOwnPageOrTheTenantDefaultOnceTheyHavePaid() {
        services.stubFor(get(urlEqualTo("/internal/coupon/templates/31")).willReturn(ok(template(31, "ACTIVE"))));
        JsonNode def = read(put("/admin/v1/payment/landing-pages/default", page(null, null, true, null), operator()));
        assertThat(def.path("source").asText()).isEqualTo("TENANT_DEFAULT");
        assertThat(def.path("followOfficialAccount").asBoolean()).isTrue();
        JsonNode own = read(put("/admin/v1/payment/landing-pages/merchants/11",
                page(31L, "pages/activity/index?id=7", false, "https://work.weixin.qq.com/ca/cawcde8f0c"), operator()));
        assertThat(own.path("source").asText()).isEqualTo("MERCHANT");
        assertThat(own.path("couponTemplateId").asLong()).isEqualTo(31);
        // saving again replaces, never adds a second page
        put("/admin/v1/payment/landing-pages/merchants/11", page(31L, "pages/activity/index?id=8", false, null), operator());
        assertThat(db.queryForObject("SELECT COUNT(*) FROM landing_page WHERE tenant_id = ? AND merchant_id = 11", Long.class, tenant)).isEqualTo(1);

        String pending = openedPayment(5_000, 0);
        ResponseEntity<String> early = http.exchange("/api/v1/payment/payments/" + pending + "/landing", HttpMethod.GET,
                new HttpEntity<>(shopper), String.class);
        assertThat(early.getStatusCode().value()).isEqualTo(409);

        String no = paidPayment();
        JsonNode landing = read(http.exchange("/api/v1/payment/payments/" + no + "/landing", HttpMethod.GET, new HttpEntity<>(shopper), String.class));
        assertThat(landing.size()).isEqualTo(2);
        assertThat(landing.get(0).path("merchantId").asLong()).isEqualTo(11);
        assertThat(landing.get(0).path("source").asText()).isEqualTo("MERCHANT");
        assertThat(landing.get(0).path("activityPath").asText()).isEqualTo("pages/activity/index?id=8");
        assertThat(landing.get(0).path("couponTemplateId").asLong()).isEqualTo(31);
        assertThat(landing.get(1).path("merchantId").asLong()).isEqualTo(12);
        assertThat(landing.get(1).path("source").asText()).isEqualTo("TENANT_DEFAULT");
        assertThat(landing.get(1).path("followOfficialAccount").asBoolean()).isTrue();

        // the counter's page removed: the default applies to it too
        assertThat(http.exchange("/admin/v1/payment/landing-pages/merchants/11", HttpMethod.DELETE, new HttpEntity<>(Http.write(operator())),
                String.class).getStatusCode().value()).isEqualTo(204);
        JsonNode after = read(http.exchange("/api/v1/payment/payments/" + no + "/landing", HttpMethod.GET, new HttpEntity<>(shopper), String.class));
        assertThat(after.get(0).path("source").asText()).isEqualTo("TENANT_DEFAULT");
        // nobody else sees this shopper's landing; another tenant has none of this tenant's pages
        assertThat(http.exchange("/api/v1/payment/payments/" + no + "/landing", HttpMethod.GET, new HttpEntity<>(Http.member(tenant, member + 1)),
                String.class).getStatusCode().value()).isEqualTo(404);
        JsonNode other = read(http.exchange("/admin/v1/payment/landing-pages/default", HttpMethod.GET,
                new HttpEntity<>(Http.staff(tenant + 1, 2, "OPERATOR")), String.class));
        assertThat(other.path("source").asText()).isEqualTo("NONE");
    }

    @Test
    void badPagesUnknownCountersInactiveCouponsAndTheWrongRolesAreRefused() {
        services.stubFor(get(urlEqualTo("/internal/coupon/templates/32")).willReturn(ok(template(32, "PAUSED"))));
        services.stubFor(get(urlEqualTo("/internal/merchants/99")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"No merchant 99\"}")));
        assertThat(read(put("/admin/v1/payment/landing-pages/merchants/11", page(null, "javascript:alert(1)", false, null), operator()))
                .path("code").asText()).isEqualTo("LANDING_INVALID");
        assertThat(read(put("/admin/v1/payment/landing-pages/merchants/11", page(null, null, false, "http://insecure.example.com/qr"), operator()))
                .path("code").asText()).isEqualTo("LANDING_INVALID");
        assertThat(read(put("/admin/v1/payment/landing-pages/merchants/11", page(null, null, false, null), operator()))
                .path("code").asText()).isEqualTo("LANDING_INVALID");
        assertThat(read(put("/admin/v1/payment/landing-pages/merchants/11", page(32L, null, false, null), operator()))
                .path("code").asText()).isEqualTo("LANDING_COUPON_NOT_ACTIVE");
        assertThat(put("/admin/v1/payment/landing-pages/merchants/99", page(null, null, true, null), operator()).getStatusCode().value())
                .isEqualTo(404);
        // reads of a counter that is not this tenant's are 404, not a page or a report of zeros
        assertThat(http.exchange("/admin/v1/payment/landing-pages/merchants/99", HttpMethod.GET, new HttpEntity<>(operator()), String.class)
                .getStatusCode().value()).isEqualTo(404);
        assertThat(http.exchange("/admin/v1/payment/merchants/99/subsidies?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z", HttpMethod.GET,
                new HttpEntity<>(operator()), String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(put("/admin/v1/payment/landing-pages/merchants/11", page(null, null, true, null), Http.staff(tenant, 3, "CASHIER"))
                .getStatusCode().value()).isEqualTo(403);
        Map<String, Object> unknownField = page(null, null, true, null);
        unknownField.put("color", "red");
        assertThat(put("/admin/v1/payment/landing-pages/merchants/11", unknownField, operator()).getStatusCode().value()).isEqualTo(400);
        assertThat(db.queryForObject("SELECT COUNT(*) FROM landing_page WHERE tenant_id = ?", Long.class, tenant)).isZero();
    }

    private HttpHeaders operator() {
        return Http.staff(tenant, 2, "OPERATOR");
    }

    private ResponseEntity<String> put(String path, Map<String, Object> body, HttpHeaders headers) {
        return http.exchange(path, HttpMethod.PUT, new HttpEntity<>(body, Http.write(headers)), String.class);
    }

    private static Map<String, Object> page(Long template, String path, boolean follow, String wecom) {
        Map<String, Object> page = new HashMap<>();
        page.put("couponTemplateId", template);
        page.put("activityPath", path);
        page.put("followOfficialAccount", follow);
        page.put("wecomContactUrl", wecom);
        return page;
    }

    private static String template(long id, String status) {
        return "{\"id\":" + id + ",\"name\":\"满100减20\",\"type\":\"THRESHOLD\",\"status\":\"" + status
                + "\",\"valueFen\":2000,\"priceFen\":null,\"storeIds\":[],\"merchantIds\":[]}";
    }
}
