package com.siyu.touchpoint.support.domain;

import java.time.Instant;

/** WeChat's message push to the mini-program's customer service and the replies to it (infra: WxJava). */
public interface WeChatMessages {

    /** A shopper's message as WeChat pushed it, decrypted: who, what, WeChat's id of it. */
    record Inbound(String openId, String msgType, String content, String msgId, Instant at) {
    }

    /** The push's URL signature is the tenant's (WeChat's URL check and every push carry it). */
    boolean signed(CsAccount account, String signature, String timestamp, String nonce);

    /** Checks msg_signature and decrypts; throws {@link PushSignatureInvalid} when either fails. */
    Inbound open(CsAccount account, String msgSignature, String timestamp, String nonce, String body);

    /** SENT, or why not (WeChat's errcode, e.g. 45015: outside the 48 h window). */
    record Sent(boolean sent, String outcome) {
    }

    Sent reply(String openId, KeywordRule.Reply reply);
}
