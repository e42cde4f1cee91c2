package com.siyu.member.member.api;

import com.siyu.member.member.domain.Members;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** For other services (Feign): does this member exist in the caller's tenant? */
@RestController
class MemberInternalController {

    private final Members members;

    MemberInternalController(Members members) {
        this.members = members;
    }

    @GetMapping("/internal/members/{id}")
    MemberResponse get(@PathVariable long id) {
        return MemberResponse.of(members.get(id));
    }
}
