package com.siyu.touchpoint.messaging.domain;

/** WeCom 1:1 through the member's bound guide (infra: guide-service, which holds the corp and the contacts). */
public interface WecomChannel {

    /** The task's msgid when SENT; otherwise why the member cannot be reached this way (NO_GUIDE, NO_CONTACT, NOT_CONFIGURED) or WeCom refused it. */
    record Result(Outcome outcome, String msgId, Long guideId, Integer errcode) {
    }

    enum Outcome { SENT, NO_GUIDE, NO_CONTACT, NOT_CONFIGURED, REJECTED }

    /** Throws when guide-service cannot be asked (nothing was sent); the same key never makes a second task. */
    Result send(long memberId, String text, String key);
}
