package com.siyu.points;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.test.Http;
import com.siyu.common.test.ServiceIT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/**
 * Earning at a counter's POS (issue 10 §6): a cash or card sale earns by the tenant's rules once per
 * receipt of that counter, grows the member, and its refund reverses the points in proportion.
 */
@ServiceIT
class PosSalesIT extends PointsApi {

    HttpHeaders cashierA;

    @BeforeEach
    void counters() {
        cashierA = Http.staffAt(tenant, 31, 101, "CASHIER");
        memberService.stubFor(get(urlPathEqualTo("/internal/merchants/501")).atPriority(1)
                .willReturn(okJson("{\"id\":501,\"storeId\":101,\"code\":\"C-501\",\"brand\":\"Brand\",\"category\":\"apparel\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/merchants/502")).atPriority(1)
                .willReturn(okJson("{\"id\":502,\"storeId\":202,\"code\":\"C-502\",\"brand\":\"Other\",\"category\":\"food\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/members/lookup")).atPriority(5)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"no such member\"}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/members/lookup")).withQueryParam("kind", equalTo("PHONE"))
                .withQueryParam("value", equalTo("13800000061")).atPriority(1).willReturn(okJson("{\"id\":61}")));
        memberService.stubFor(get(urlPathEqualTo("/internal/members/lookup")).withQueryParam("kind", equalTo("MEMBER_CARD"))
                .withQueryParam("value", equalTo("8800000062")).atPriority(1).willReturn(okJson("{\"id\":62}")));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/internal/members/\\d+/growth"))
                .willReturn(aResponse().withStatus(204)));
        memberService.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/internal/members/growth-reversals"))
                .willReturn(okJson("{\"memberId\":61,\"growth\":0,\"tier\":null,\"applied\":true}")));
    }

    private ResponseEntity<String> sale(HttpHeaders staff, long merchant, String receipt, long fen, String kind, String value) {
        return post("/admin/v1/points/pos-sales", map("merchantId", merchant, "receiptNo", receipt, "amountFen", fen,
                "member", map("kind", kind, "value", value)), Http.write(staff));
    }

    @Test
    void aCounterSaleEarnsOncePerReceiptAndGrowsTheMember() {
        rate(1000);
        JsonNode first = ok(sale(cashierA, 501, "R-1", 12_300, "PHONE", "13800000061"));
        assertThat(first.path("memberId").asLong()).isEqualTo(61);
        assertThat(first.path("storeId").asLong()).isEqualTo(101);
        assertThat(first.path("earned").path("points").asLong()).isEqualTo(123);
        // the POS retries (a lost answer): the same receipt replays, nothing more is earned
        JsonNode again = ok(sale(cashierA, 501, "R-1", 12_300, "PHONE", "13800000061"));
        assertThat(again.path("earned").path("id").asLong()).isEqualTo(first.path("earned").path("id").asLong());
        assertThat(balance(61)).isEqualTo(123);
        memberService.verify(postRequestedFor(urlPathEqualTo("/internal/members/61/growth"))
                .withRequestBody(matchingJsonPath("$.bizId", equalTo("pos:501:R-1")))
                .withRequestBody(matchingJsonPath("$.spendFen", equalTo("12300")))
                .withRequestBody(matchingJsonPath("$.storeId", equalTo("101")))
                .withRequestBody(matchingJsonPath("$.category", equalTo("apparel"))));
        // the lot was issued by the counter's store (settlement follows it)
        assertThat(jdbc.queryForObject("select issuing_store_id from points_lot where tenant_id = ? and member_id = 61", Long.class, tenant))
                .isEqualTo(101);
        // another counter's receipt with the same number is another sale; a member card works too
        assertThat(ok(sale(Http.staff(tenant, 9, "OPERATOR"), 502, "R-1", 5_000, "MEMBER_CARD", "8800000062"))
                .path("earned").path("points").asLong()).isEqualTo(50);

        ResponseEntity<String> otherMember = sale(cashierA, 501, "R-1", 12_300, "MEMBER_CARD", "8800000062");
        assertThat(otherMember.getStatusCode().value()).as(otherMember.getBody()).isEqualTo(409);
        assertThat(read(otherMember).path("code").asText()).isEqualTo("RECEIPT_ALREADY_RECORDED");
        assertThat(balance(62)).isEqualTo(50);
        assertReconciled();
    }

    @Test
    void aRefundOfTheReceiptReversesItsPointsInProportionOnce() {
        rate(1000);
        ok(sale(cashierA, 501, "R-2", 10_000, "PHONE", "13800000061"));
        JsonNode half = ok(post("/admin/v1/points/pos-sales/501/R-2/refunds", map("refundNo", "RF-1", "amountFen", 5_000), Http.write(cashierA)));
        assertThat(half.path("points").asLong()).isEqualTo(50);
        JsonNode replay = ok(post("/admin/v1/points/pos-sales/501/R-2/refunds", map("refundNo", "RF-1", "amountFen", 5_000), Http.write(cashierA)));
        assertThat(replay.path("id").asLong()).isEqualTo(half.path("id").asLong());
        assertThat(balance(61)).isEqualTo(50);
        // the refunded amount comes off the member's growth and spend, keyed by the refund (member-service applies it once)
        memberService.verify(2, postRequestedFor(urlPathEqualTo("/internal/members/growth-reversals"))
                .withRequestBody(matchingJsonPath("$.purchaseBizId", equalTo("pos:501:R-2")))
                .withRequestBody(matchingJsonPath("$.refundBizId", equalTo("pos-refund:501:RF-1")))
                .withRequestBody(matchingJsonPath("$.spendFen", equalTo("5000")))
                .withRequestBody(matchingJsonPath("$.storeId", equalTo("101"))));
        ResponseEntity<String> never = post("/admin/v1/points/pos-sales/501/R-404/refunds", map("refundNo", "RF-2", "amountFen", 100),
                Http.write(cashierA));
        assertThat(never.getStatusCode().value()).isEqualTo(404);
        assertReconciled();
    }

    @Test
    void counterStaffReportOnlyForTheirStoreAndUnknownMembersOrCountersChangeNothing() {
        rate(1000);
        ResponseEntity<String> otherStore = sale(cashierA, 502, "R-3", 1_000, "PHONE", "13800000061");
        assertThat(otherStore.getStatusCode().value()).isEqualTo(403);
        assertThat(read(otherStore).path("code").asText()).isEqualTo("OTHER_STORE");
        ResponseEntity<String> unknownPhone = sale(cashierA, 501, "R-3", 1_000, "PHONE", "13900000000");
        assertThat(read(unknownPhone).path("code").asText()).isEqualTo("UNKNOWN_MEMBER");
        ResponseEntity<String> foreignCounter = sale(cashierA, 900_001, "R-3", 1_000, "PHONE", "13800000061");
        assertThat(read(foreignCounter).path("code").asText()).isEqualTo("UNKNOWN_MERCHANT");
        ResponseEntity<String> guide = sale(Http.staffAt(tenant, 32, 101, "GUIDE"), 501, "R-3", 1_000, "PHONE", "13800000061");
        assertThat(guide.getStatusCode().value()).isEqualTo(403);
        ResponseEntity<String> badReceipt = sale(cashierA, 501, "R 3;drop", 1_000, "PHONE", "13800000061");
        assertThat(read(badReceipt).path("errors").get(0).path("field").asText()).isEqualTo("receiptNo");
        assertThat(jdbc.queryForObject("select count(*) from points_journal where tenant_id = ? and biz_type = 'EARN'", Long.class, tenant))
                .isZero();
    }
}
