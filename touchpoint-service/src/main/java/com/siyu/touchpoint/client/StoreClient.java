package com.siyu.touchpoint.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's stores: 404 (a RemoteRejection) when the store is not one of the caller's tenant. */
@FeignClient(name = "member-service", contextId = "touchpointStoreClient")
public interface StoreClient {

    @GetMapping("/internal/stores/{id}")
    Store store(@PathVariable("id") long id);

    record Store(long id, String name) {
    }
}
