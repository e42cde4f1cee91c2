package com.siyu.member.identity.api;

import com.siyu.member.identity.domain.MiniProgramAccess;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** For the services that message shoppers (touchpoint-service): the tenant's mini-program token and its members' openids. */
@RestController
class MiniProgramInternalController {

    private final MiniProgramAccess access;

    MiniProgramInternalController(MiniProgramAccess access) {
        this.access = access;
    }

    /** 409 MINIAPP_NOT_CONFIGURED without a mini-program, 502 WECHAT_UNAVAILABLE when WeChat does not give one. */
    @GetMapping("/internal/wechat/mini-program/access-token")
    MiniProgramAccess.Token token() {
        return access.token();
    }

    record OpenIdsRequest(@NotNull @Size(min = 1, max = 500) List<@NotNull @Positive Long> ids) {
    }

    record OpenId(long memberId, String openId) {
    }

    @PostMapping("/internal/members/mini-program-openids")
    List<OpenId> openIds(@Valid @RequestBody OpenIdsRequest request) {
        return access.openIds(request.ids()).entrySet().stream().map(e -> new OpenId(e.getKey(), e.getValue())).toList();
    }
}
