package com.siyu.points.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's tenant directory: whether a store or a merchant is the caller's tenant's (404 otherwise). */
@FeignClient(name = "member-service", contextId = "pointsDirectoryClient")
public interface DirectoryClient {

    @GetMapping("/internal/stores/{id}")
    Object store(@PathVariable("id") long id);

    @GetMapping("/internal/merchants/{id}")
    Object merchant(@PathVariable("id") long id);
}
