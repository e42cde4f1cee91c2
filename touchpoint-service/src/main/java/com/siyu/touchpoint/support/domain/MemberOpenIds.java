package com.siyu.touchpoint.support.domain;

import java.util.Optional;

/** member-service's identity graph: the member behind a mini-program openid of the tenant's app (infra: Feign). */
public interface MemberOpenIds {

    Optional<Long> memberOf(String openId);
}
