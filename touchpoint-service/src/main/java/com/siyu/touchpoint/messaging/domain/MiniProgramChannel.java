package com.siyu.touchpoint.messaging.domain;

import java.util.Map;

/** WeChat's mini-program subscription message send (infra: WxJava against WeChat's API host). */
public interface MiniProgramChannel {

    /**
     * SENT with the msgid; REJECTED: WeChat refused this message (not retried); UNAVAILABLE: WeChat did not get it (busy,
     * unreachable), try again later; UNKNOWN: it may have got it (the answer was lost), so it is not sent again.
     */
    record Result(Outcome outcome, String msgId, int errcode, String response) {
    }

    enum Outcome { SENT, REJECTED, UNAVAILABLE, UNKNOWN }

    /** The members' openids in the tenant's mini-program (those that have one). */
    Map<Long, String> openIds(java.util.Collection<Long> memberIds);

    Result send(String openId, String templateId, String page, Map<String, String> data);
}
