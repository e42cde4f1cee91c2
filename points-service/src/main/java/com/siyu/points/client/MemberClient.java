package com.siyu.points.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service as points-service needs it (owned here, not shared with the server). */
@FeignClient(name = "member-service", contextId = "pointsMemberClient")
public interface MemberClient {

    /** 404 (as a RemoteRejection) when the member is not one of the caller's tenant. */
    @GetMapping("/internal/members/{id}")
    MemberView member(@PathVariable("id") long id);

    /** The caller's tenant (the tenant header is forwarded from CallerContext). */
    @GetMapping("/internal/tenants/current")
    TenantView currentTenant();

    record MemberView(long id, String stage) {
    }

    record TenantView(long id, String code, String timeZone, String status) {
    }
}
