package com.siyu.touchpoint.client;

import org.springframework.cloud.openfeign.FeignClient;
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
}
