package com.siyu.payment.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** member-service: which store and category a counter (merchant) belongs to, in the caller's tenant. */
@FeignClient(name = "member-service", contextId = "paymentMemberClient")
public interface MemberClient {

    @GetMapping("/internal/merchants/{id}")
    Merchant merchant(@PathVariable("id") long id);

    record Merchant(long id, long storeId, String code, String brand, String category, String cashierQrId) {
    }
}
