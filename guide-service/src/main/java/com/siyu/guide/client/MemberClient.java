package com.siyu.guide.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's members as guide-service needs them: whether a member is the caller's tenant's (404 otherwise). */
@FeignClient(name = "member-service", contextId = "guideMemberClient")
public interface MemberClient {

    @GetMapping("/internal/members/{id}")
    Object member(@PathVariable("id") long id);
}
