package com.siyu.member.identity.domain;

import java.util.Optional;

/** The WeChat session key of each member's latest mini-program login, per app. */
public interface SessionKeys {

    void save(long memberId, String appId, String sessionKey);

    Optional<String> find(long memberId, String appId);
}
