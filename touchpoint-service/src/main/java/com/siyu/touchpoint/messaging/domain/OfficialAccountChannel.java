package com.siyu.touchpoint.messaging.domain;

import java.util.Collection;
import java.util.Map;

/** The tenant's official account's template messages (infra: WxJava's mp module), and the members' openids in it. */
public interface OfficialAccountChannel {

    /** SENT with the msgid; NOT_FOLLOWING / NOT_CONFIGURED: this way cannot reach the member; the rest as for subscription messages. */
    record Result(Outcome outcome, String msgId, int errcode, String response) {
    }

    /** OUTSIDE_WINDOW: a customer-service message after WeChat's 48 h window (45015) or past its count in it (45047). */
    enum Outcome { SENT, NOT_FOLLOWING, OUTSIDE_WINDOW, NOT_CONFIGURED, REJECTED, UNAVAILABLE, UNKNOWN }

    /** The members' openids in the tenant's official account (empty when it has none configured). */
    Map<Long, String> openIds(Collection<Long> memberIds);

    /** {@code page}: the mini-program page the message opens (WeChat's miniprogram.pagepath); {@code clientMsgId}: WeChat drops a second message with the same one. */
    Result send(String openId, String templateId, String page, Map<String, String> data, String clientMsgId);

    /**
     * A customer-service text message (客服消息) to a follower inside WeChat's 48 h window: {@code text}, then, when
     * {@code page} is given, a link titled {@code linkText} opening that mini-program page. WeChat gives no message id.
     */
    Result sendService(String openId, String text, String linkText, String page);
}
