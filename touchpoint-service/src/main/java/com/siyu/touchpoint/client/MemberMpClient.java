package com.siyu.touchpoint.client;

import java.util.List;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/** member-service's identity graph: the members' openids in an official account (MP_OPENID of that app id). */
@FeignClient(name = "member-service", contextId = "touchpointMemberMpClient")
public interface MemberMpClient {

    @PostMapping("/internal/members/mp-openids")
    List<OpenId> openIds(@RequestBody Query query);

    record Query(List<Long> ids, String appId) {
    }

    record OpenId(long memberId, String openId) {
    }

    /** The member behind a follower (by openid, else unionid; the openid is then recorded on them); 404 (a RemoteRejection) when unknown. */
    @PostMapping("/internal/members/mp-followers")
    MemberRef follower(@RequestBody Follower follower);

    record Follower(String appId, String openId, String unionId) {
    }

    record MemberRef(long id) {
    }
}
