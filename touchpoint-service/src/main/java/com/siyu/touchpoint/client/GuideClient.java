package com.siyu.touchpoint.client;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** guide-service: a message to a member through their bound guide on WeCom (a mass-send task the guide confirms). */
@FeignClient(name = "guide-service", contextId = "touchpointGuideClient")
public interface GuideClient {

    @PostMapping("/internal/guide/wecom/messages")
    Result send(@RequestBody Message message);

    record Message(long memberId, String text, String key) {
    }

    /** outcome SENT, NO_GUIDE, NO_CONTACT, NOT_CONFIGURED or REJECTED (errcode: WeCom's). */
    record Result(String outcome, String msgId, Long guideId, Integer errcode) {
    }

    /** The member's exclusive guide; 404 GUIDE_NOT_BOUND (a RemoteRejection) when they have none. */
    @GetMapping("/internal/guide/members/{memberId}/guide")
    BoundGuide guideOf(@PathVariable("memberId") long memberId);

    /** staffId: the guide's staff account (null for a guide without one). */
    record BoundGuide(long memberId, long guideId, String guideName, long storeId, Long staffId) {
    }
}
