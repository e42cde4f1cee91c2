package com.siyu.touchpoint.messaging.domain;

import java.util.Collection;
import java.util.Map;

/** SMS through the tenant's provider account (infra: Aliyun 短信服务's SendSms over HTTP), and the members' phones. */
public interface SmsChannel {

    /**
     * SENT with the provider's id; REJECTED: refused this message (not retried); UNAVAILABLE: the provider did not take it
     * (throttled, unreachable), try again later; UNKNOWN: it may have (no answer), so it is not sent again;
     * NOT_CONFIGURED: the tenant has no SMS account.
     */
    record Result(Outcome outcome, String msgId, String code, String response) {
    }

    enum Outcome { SENT, REJECTED, UNAVAILABLE, UNKNOWN, NOT_CONFIGURED }

    /** The active members' primary phones (those that have one). */
    Map<Long, String> phones(Collection<Long> memberIds);

    Result send(String phone, String templateCode, Map<String, String> params);
}
