package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;
import java.util.Map;

/**
 * One message to one member, logged once per {@code sourceKey} (the event and preset that caused it). QUEUED until
 * due; SENDING while a dispatcher has it; SENT with WeChat's msgid; DEFERRED back to QUEUED with a later due time
 * (quiet hours, a cap); SKIPPED (no quota, unsubscribed, no openid) or FAILED (WeChat refused, or the outcome is
 * unknown after a crash) with the reason. {@code trackingToken} rides on the page it opens (attribution).
 */
public record Send(long id, long memberId, Channel channel, String templateId, String page, Map<String, String> data, String preset,
                   String sourceKey, Status status, String reason, Instant dueAt, int attempts, Instant sentAt, String channelMsgId,
                   String response, Instant createdAt, String trackingToken) {

    public enum Status { QUEUED, SENDING, SENT, SKIPPED, FAILED }
}
