package com.siyu.touchpoint.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** member-service's identity graph: the member behind an id of a kind (404 when the tenant has no such member). */
@FeignClient(name = "member-service", contextId = "touchpointIdentityClient")
public interface MemberIdentityClient {

    @GetMapping("/internal/members/lookup")
    MemberRef lookup(@RequestParam("kind") String kind, @RequestParam("scope") String scope, @RequestParam("value") String value);

    record MemberRef(long id) {
    }
}
