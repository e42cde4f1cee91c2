package com.siyu.coupon.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

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

    record TenantView(long id, String code, String timeZone) {
    }
}
