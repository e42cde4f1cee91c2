package com.siyu.guide.wecom.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tenant in context's WeCom corp, contacts, callbacks and welcome codes (infra). */
public interface WecomRepository {

    Optional<WecomCorp> corp();

    void saveCorp(WecomCorp corp, Long staffId, Instant now);

    /** Records a callback; false when one with this digest was recorded before (a redelivery). */
    boolean recordCallback(WecomCallback callback, Instant at);

    /** Forgets a callback that could not be applied, so WeCom's redelivery applies it. */
    void forgetCallback(String digest);

    void callbackOutcome(String digest, String outcome);

    /** The contact (ACTIVE again if it was lost), created or updated; member, guide and code only ever filled in, never cleared. */
    /** Tenants with ACTIVE contacts added since {@code since} whose guide or shopper is unknown, not tried since {@code checkedBefore}. */
    java.util.List<Long> tenantsWithUnmatchedContacts(Instant since, Instant checkedBefore);

    /** The tenant's such contacts, oldest first. */
    java.util.List<WecomContact> unmatchedContacts(Instant since, Instant checkedBefore, int limit);

    /** Records a try: the guide and member found (null: still unknown; a known one is never cleared). */
    void matched(long contactId, Long guideId, Long memberId, Instant at);

    WecomContact saveContact(String wecomUserId, String externalUserId, Long guideId, Long memberId, Long codeId, String channel, Instant at);

    Optional<WecomContact> contact(String wecomUserId, String externalUserId);

    /** The corp member's ACTIVE contact that is this member (the newest when several). */
    Optional<WecomContact> activeContactOf(String wecomUserId, long memberId);

    record SentMessage(long guideId, String externalUserId, String msgId) {
    }

    Optional<SentMessage> message(String key);

    /** Keeps the task made for the key; false when one was kept for it already. */
    boolean saveMessage(String key, long guideId, long memberId, String externalUserId, String msgId, Instant at);

    void markContact(String wecomUserId, String externalUserId, WecomContact.Status status, Instant at);

    /** The guide's ACTIVE contacts among these members. */
    List<WecomContact> activeContacts(long guideId, Collection<Long> memberIds);

    /** WeCom moved the contact to another corp member (a completed transfer). */
    void moveContact(String fromUserId, String externalUserId, String toUserId, long toGuideId, Instant at);

    /** Lost contacts (newest first) of the tenant, or of one store's guides. */
    List<WecomContact> lostContacts(Long storeId, int limit);

    /** Claims a welcome_code; false when it was used before. */
    boolean claimWelcome(String welcomeCode, long contactId, Instant at);

    void welcomeResult(String welcomeCode, String status, String error);

    /** The member's binding to this guide remembers that the shopper deleted the guide on WeCom (at null: added again). */
    void bindingContactLost(long memberId, long guideId, Instant at);
}
