package com.siyu.touchpoint.messaging.domain;

import java.util.Collection;
import java.util.Map;

/** The tenant's official account's template messages (infra: WxJava's mp module), and the members' openids in it. */
public interface OfficialAccountChannel {

    /** SENT with the msgid; NOT_FOLLOWING / NOT_CONFIGURED: this way cannot reach the member; the rest as for subscription messages. */
    record Result(Outcome outcome, String msgId, int errcode, String response) {
    }

    enum Outcome { SENT, NOT_FOLLOWING, NOT_CONFIGURED, REJECTED, UNAVAILABLE, UNKNOWN }

    /** The members' openids in the tenant's official account (empty when it has none configured). */
    Map<Long, String> openIds(Collection<Long> memberIds);

    /** {@code page}: the mini-program page the message opens (WeChat's miniprogram.pagepath); {@code clientMsgId}: WeChat drops a second message with the same one. */
    Result send(String openId, String templateId, String page, Map<String, String> data, String clientMsgId);
}
