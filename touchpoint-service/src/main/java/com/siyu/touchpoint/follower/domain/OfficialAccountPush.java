package com.siyu.touchpoint.follower.domain;

import java.time.Instant;
import java.util.Optional;

/** The official account's message push and directory (infra: WxJava's mp module). */
public interface OfficialAccountPush {

    /** A message or event as WeChat pushed it: {@code event} for msgType "event" (subscribe, unsubscribe, CLICK, SCAN …). */
    record Inbound(String openId, String msgType, String event, Instant at) {
    }

    /** The URL signature: SHA-1 of the Token, timestamp and nonce. */
    boolean signed(MpPushAccount account, String signature, String timestamp, String nonce);

    /** The push decrypted after its msg_signature is checked; {@link com.siyu.touchpoint.support.domain.PushSignatureInvalid} otherwise. */
    Inbound open(MpPushAccount account, String msgSignature, String timestamp, String nonce, String body);

    /** The official account's app id (empty when the tenant has none configured). */
    Optional<String> appId();

    /** The follower's unionid as WeChat tells it (empty when the account is not bound to an open platform, or WeChat is busy). */
    Optional<String> unionIdOf(String openId);
}
