package com.siyu.payment.client;

import java.time.Instant;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * member-service: which store and category a counter (merchant) belongs to, the member's openid in the
 * mini-program WeChat Pay charges, and the purchases that grow the member's tier — in the caller's tenant.
 */
@FeignClient(name = "member-service", contextId = "paymentMemberClient")
public interface MemberClient {

    @GetMapping("/internal/merchants/{id}")
    Merchant merchant(@PathVariable("id") long id);

    @GetMapping("/internal/members/{id}/identities/MINIAPP_OPENID")
    ChannelId miniProgramOpenid(@PathVariable("id") long id, @RequestParam("scope") String appId);

    /** Growth, spend and a visit, once per {@code bizId}. */
    @PostMapping("/internal/members/{id}/growth")
    void growth(@PathVariable("id") long id, @RequestBody Growth growth);

    /** The caller's tenant: its mini-program pays in the sandbox (the real channel pays with its merchant's app). */
    @GetMapping("/internal/tenants/current")
    TenantView currentTenant();

    record TenantView(long id, String miniappAppId) {
    }

    record Merchant(long id, long storeId, String code, String brand, String category, String cashierQrId) {
    }

    record ChannelId(long memberId, String kind, String scope, String value, boolean verified) {
    }

    record Growth(String bizId, long spendFen, Long storeId, String category, Instant occurredAt) {
    }
}
