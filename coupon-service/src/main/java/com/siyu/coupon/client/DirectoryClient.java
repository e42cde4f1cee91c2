package com.siyu.coupon.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** member-service's directory: whether a member or a merchant is the caller's tenant's (404 otherwise). */
@FeignClient(name = "member-service", contextId = "couponDirectoryClient")
public interface DirectoryClient {

    @GetMapping("/internal/members/{id}")
    Object member(@PathVariable("id") long id);

    @GetMapping("/internal/merchants/{id}")
    Object merchant(@PathVariable("id") long id);

    /** The caller's tenant (from the service token's tenant). */
    @GetMapping("/internal/tenants/current")
    TenantView currentTenant();

    /** Which of the ids are the tenant's active members (at most 5,000 per call). */
    @PostMapping("/internal/members/known")
    KnownMembers known(@RequestBody MemberIds ids);

    record MemberIds(java.util.List<Long> ids) {
    }

    record KnownMembers(java.util.List<Long> active) {
    }

    record TenantView(long id, String code, String timeZone) {
    }
}
