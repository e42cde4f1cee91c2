package com.siyu.guide.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's store directory as guide-service needs it. */
@FeignClient(name = "member-service", contextId = "guideStoreClient")
public interface StoreClient {

    /** 404 (a RemoteRejection) when the store is not one of the caller's tenant. */
    @GetMapping("/internal/stores/{id}")
    StoreView store(@PathVariable("id") long id);

    record StoreView(long id, String code, String name, java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }
}
