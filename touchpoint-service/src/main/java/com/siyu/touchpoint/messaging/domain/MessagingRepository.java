package com.siyu.touchpoint.messaging.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Quotas, policy, unsubscribes, presets and sends of the tenant in context unless a method says otherwise (infra). */
public interface MessagingRepository {

    /** Adds one send quota per accepted template; the member's quotas after. */
    void grant(long memberId, List<String> templateIds, Instant now);

    /** Takes one quota of the template if there is one; false when there was none. */
    boolean consumeQuota(long memberId, String templateId, Instant now);

    /** Gives a taken quota back (WeChat did not take the message). */
    void returnQuota(long memberId, String templateId, Instant now);

    /** WeChat says the member has no subscription for the template: their quota is 0. */
    void clearQuota(long memberId, String templateId, Instant now);

    record Quota(String templateId, int quota, int granted) {
    }

    List<Quota> quotas(long memberId);

    Optional<ContactPolicy> policy();

    void savePolicy(ContactPolicy policy, Instant now);

    void unsubscribe(long memberId, Channel channel, Instant now);

    void resubscribe(long memberId, Channel channel);

    List<Channel> unsubscribed(long memberId);

    Optional<Preset> preset(Preset.Kind kind);

    void savePreset(Preset preset, Instant now);

    /** {@code day}: the mall's day the send is made on (its dashboard day). */
    record NewSend(long memberId, Channel channel, String templateId, String page, Map<String, String> data, String preset, String sourceKey,
                   Instant dueAt, java.time.LocalDate day, Send.Extras extras) {

        public NewSend(long memberId, Channel channel, String templateId, String page, Map<String, String> data, String preset, String sourceKey,
                       Instant dueAt, java.time.LocalDate day) {
            this(memberId, channel, templateId, page, data, preset, sourceKey, dueAt, day, Send.Extras.NONE);
        }
    }

    /** The new send's id; empty when one with this source key exists (a redelivered event). */
    Optional<Long> enqueue(NewSend send, Instant now);

    /** The QUEUED send of this source key becomes SKIPPED with the reason; false when there is none waiting. */
    boolean withdraw(String sourceKey, String reason);

    /** Each send not made yet (by source key), in one batch; how many were new. */
    int enqueueAll(List<NewSend> sends, Instant now);

    /** The send (SENDING) moves to the next channel of its chain; {@code tried} notes why the last one could not reach the member. */
    void fallBack(long id, Send.Content next, List<Send.Content> remaining, String tried);

    /** SENDING → QUEUED due at {@code dueAt}, remembering the first reason it was deferred for (quiet hours, a cap). */
    void defer(long id, Instant dueAt, String reason);

    /** The coupon granted for the send (before it goes out; a retried send finds it and does not grant again). */
    void couponGranted(long id, long couponId);

    /** The tenant's SMS provider account, its secret opened. */
    Optional<SmsAccount> smsAccount();

    /** Sets the account; the secret is sealed at rest. */
    void saveSmsAccount(SmsAccount account, Instant now);

    /** The tenant's official account, its secret opened. */
    Optional<MpAccount> mpAccount();

    void saveMpAccount(MpAccount account, Instant now);

    List<String> sensitiveWords();

    void addSensitiveWords(java.util.Collection<String> words, Instant now);

    boolean removeSensitiveWord(String word);

    Optional<Send> find(long id);

    /** Every tenant's QUEUED sends due by {@code now}, by tenant, oldest first. */
    Map<Long, List<Send>> due(Instant now, int limit);

    /** QUEUED → SENDING; false when another dispatcher has it. */
    boolean claim(long id, Instant now);

    /** SENDING → QUEUED due at {@code dueAt} (deferred: quiet hours, a cap, WeChat unavailable). */
    void requeue(long id, Instant dueAt, String reason, String response);

    /** SENDING → SENT, SKIPPED or FAILED. */
    void finish(long id, Send.Status status, String reason, String msgId, String response, Instant now);

    /** The guide a WeCom message went through (for the dashboard's top guides). */
    void sentByGuide(long id, long guideId);

    /** SENDING for longer than {@code before} (the dispatcher died mid-send): FAILED OUTCOME_UNKNOWN, never sent again. */
    int abandonStuck(Instant before, Instant now);

    /** The member's SENT messages on any channel in [dayStart, to) and in [weekStart, to), in one read. */
    int[] sentToday(long memberId, Instant dayStart, Instant weekStart, Instant to);

    record SendFilter(Long memberId, Send.Status status, String preset, Long campaignId) {
    }

    List<Send> list(SendFilter filter, int limit);
}
