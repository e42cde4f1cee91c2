package com.siyu.coupon.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service's store directory as coupon-service needs it (the geo-fence is drawn around stores). */
@FeignClient(name = "member-service", contextId = "couponStoreClient")
public interface StoreClient {

    /** 404 (a RemoteRejection) when the store is not one of the caller's tenant. */
    @GetMapping("/internal/stores/{id}")
    StoreView store(@PathVariable("id") long id);

    record StoreView(long id, String code, String name, String address, Double latitude, Double longitude) {
    }
}
