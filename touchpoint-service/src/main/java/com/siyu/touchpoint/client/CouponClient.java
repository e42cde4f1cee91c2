package com.siyu.touchpoint.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** coupon-service: the template a campaign grants (404 when not the caller's tenant's) and the grant at send time. */
@FeignClient(name = "coupon-service", contextId = "touchpointCouponClient")
public interface CouponClient {

    @GetMapping("/internal/coupon/templates/{id}")
    Template template(@PathVariable("id") long id);

    record Template(long id, String name, String status) {
    }

    /** Idempotent by (source, key): the same coupon for the same key; 409 when the template is out of stock or not active. */
    @PostMapping("/internal/coupon/grants")
    Granted grant(@RequestBody Grant grant);

    record Grant(long templateId, long memberId, String source, String key) {
    }

    record Granted(long id, long templateId, String status) {
    }
}
