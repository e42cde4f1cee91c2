package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One message to one member, logged once per {@code sourceKey} (the event and preset, or the campaign run, that caused
 * it). QUEUED until due; SENDING while a dispatcher has it; SENT with the channel's message id; DEFERRED back to QUEUED
 * with a later due time (quiet hours, a cap when {@code onCap} is DEFER); SKIPPED (no quota, unsubscribed, no address,
 * a cap) or FAILED (the channel refused, or the outcome is unknown after a crash) with the reason. When this channel
 * cannot reach the member the next of {@code fallbacks} is taken and the step is noted in {@code tried}.
 * {@code trackingToken} rides on the page it opens (attribution); {@code couponTemplateId} is granted before it goes out.
 */
public record Send(long id, long memberId, Channel channel, String templateId, String page, Map<String, String> data, String preset,
                   String sourceKey, Status status, String reason, Instant dueAt, int attempts, Instant sentAt, String channelMsgId,
                   String response, Instant createdAt, String trackingToken, Extras extras) {

    public enum Status { QUEUED, SENDING, SENT, SKIPPED, FAILED }

    /** What a frequency cap does to the send: SKIP it (time-bound presets) or DEFER it to when the cap allows. */
    public enum OnCap { SKIP, DEFER }

    /** One channel's filled content: for SMS the template id is the provider's template code and the data its parameters. */
    public record Content(Channel channel, String templateId, String page, Map<String, String> data) {
    }

    /** A campaign send's own parts (all empty for a preset's send). */
    public record Extras(Long campaignId, Integer run, String arm, List<Content> fallbacks, String tried, OnCap onCap, String deferredFor,
                         Long couponTemplateId, Long couponId) {

        public static final Extras NONE = new Extras(null, null, null, List.of(), null, OnCap.SKIP, null, null, null);
    }

    public Content content() {
        return new Content(channel, templateId, page, data);
    }
}
