package com.siyu.guide.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** coupon-service's templates, as a guide's coupon share link checks the one it names (404 when not the caller's tenant's). */
@FeignClient(name = "coupon-service", contextId = "guideCouponClient")
public interface CouponClient {

    @GetMapping("/internal/coupon/templates/{id}")
    Object template(@PathVariable("id") long id);
}
