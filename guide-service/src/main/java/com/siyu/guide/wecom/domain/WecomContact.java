package com.siyu.guide.wecom.domain;

import java.time.Instant;

/** A shopper among a guide's WeCom contacts (guideId null when the userid is on no guide; memberId null while unknown). */
public record WecomContact(long id, String wecomUserId, String externalUserId, Long guideId, Long memberId, Long codeId, String channel,
                           Status status, Instant addedAt, Instant lostAt) {

    public enum Status {
        ACTIVE,
        /** the shopper deleted the guide (del_follow_user) */
        LOST,
        /** the guide deleted the shopper (del_external_contact) */
        REMOVED
    }
}
