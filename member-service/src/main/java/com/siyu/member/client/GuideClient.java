package com.siyu.member.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** guide-service as member-service needs it: the member's exclusive guide shown in the 360 profile (404 when none). */
@FeignClient(name = "guide-service", contextId = "memberGuideClient")
public interface GuideClient {

    @GetMapping("/internal/guide/members/{memberId}/guide")
    GuideView guideOf(@PathVariable("memberId") long memberId);

    record GuideView(long memberId, long guideId, String guideName, long storeId, String guideStatus) {
    }
}
