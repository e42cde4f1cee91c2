package com.siyu.guide;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/** member-service's directory as guide-service's tests see it (WireMock). */
final class MemberServiceStub {

    private MemberServiceStub() {
    }

    /**
     * Staff accounts: any id is a GUIDE without a store, 8xxxxx a CASHIER, 7xxxxx a GUIDE of store 2, 9xxxxx not
     * this tenant's; counters 501 (store 1) and 502 (store 2), 9xxxxx not this tenant's.
     */
    static void staffAndCounters(WireMockServer memberService) {
        memberService.stubFor(get(urlPathMatching("/internal/staff/\\d+")).atPriority(9)
                .willReturn(okJson("{\"id\":1,\"displayName\":\"导购\",\"roles\":[\"GUIDE\"],\"storeId\":null}")));
        memberService.stubFor(get(urlPathMatching("/internal/staff/8\\d{5}")).atPriority(8)
                .willReturn(okJson("{\"id\":8,\"displayName\":\"收银\",\"roles\":[\"CASHIER\"],\"storeId\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/staff/7\\d{5}")).atPriority(8)
                .willReturn(okJson("{\"id\":7,\"displayName\":\"导购\",\"roles\":[\"GUIDE\"],\"storeId\":2}")));
        memberService.stubFor(get(urlPathMatching("/internal/(staff|merchants)/9\\d{5}")).atPriority(8).willReturn(notThisTenants()));
        memberService.stubFor(get(urlPathMatching("/internal/merchants/501")).willReturn(okJson("{\"id\":501,\"storeId\":1}")));
        memberService.stubFor(get(urlPathMatching("/internal/merchants/502")).willReturn(okJson("{\"id\":502,\"storeId\":2}")));
    }

    /** coupon-service's templates: any id is this tenant's, 9xxxxx not. */
    static void couponTemplates(WireMockServer stub) {
        stub.stubFor(get(urlPathMatching("/internal/coupon/templates/\\d+")).atPriority(9)
                .willReturn(okJson("{\"id\":77,\"name\":\"满100减20\",\"type\":\"CASH\",\"status\":\"ACTIVE\"}")));
        stub.stubFor(get(urlPathMatching("/internal/coupon/templates/9\\d{5}")).atPriority(8).willReturn(notThisTenants()));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder notThisTenants() {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"not this tenant's\"}");
    }
}
