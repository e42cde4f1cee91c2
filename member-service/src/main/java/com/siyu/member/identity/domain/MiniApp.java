package com.siyu.member.identity.domain;

/** A tenant's mini-program: its app id and the secret WeChat issued for it. */
public record MiniApp(String appId, String secret) {
}
