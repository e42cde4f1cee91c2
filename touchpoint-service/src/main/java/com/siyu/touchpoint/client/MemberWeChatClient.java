package com.siyu.touchpoint.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** member-service, the one holder of the tenant's mini-program access token, and the members' openids in that app. */
@FeignClient(name = "member-service", contextId = "touchpointMemberWeChatClient")
public interface MemberWeChatClient {

    @GetMapping("/internal/wechat/mini-program/access-token")
    Token accessToken();

    record Token(String appId, String accessToken) {
    }

    @PostMapping("/internal/members/mini-program-openids")
    List<OpenId> openIds(@RequestBody OpenIdsQuery query);

    record OpenIdsQuery(List<Long> ids) {
    }

    record OpenId(long memberId, String openId) {
    }
}
