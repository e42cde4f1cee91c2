package com.siyu.member.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** points-service as member-service needs it: the balance shown in the 360 profile. */
@FeignClient(name = "points-service", contextId = "memberPointsClient")
public interface PointsClient {

    @GetMapping("/internal/points/accounts/{memberId}")
    PointsView account(@PathVariable("memberId") long memberId);

    record PointsView(long memberId, long balance) {
    }
}
