package com.siyu.guide.tasks.domain;

import java.time.Instant;

/** A guide's task (小任务); {@code memberId} null for a task about no one shopper. */
public record Task(long id, Rule rule, long guideId, long storeId, Long memberId, String title, String content, Long couponTemplateId,
                   int rewardPoints, CompletesOn completesOn, Status status, Instant dueAt, Instant escalatedAt, Instant doneAt, String doneBy,
                   String evidence, Instant createdAt) {

    /** WELCOME: a member newly bound; BIG_SPEND: a payment above the tenant's threshold; DORMANT: a member not seen for a while; MANUAL: a manager's. */
    public enum Rule { WELCOME, BIG_SPEND, DORMANT, MANUAL }

    /** PAYMENT: done by itself when the task's member pays after it was set; GUIDE: the guide marks it done. */
    public enum CompletesOn { PAYMENT, GUIDE }

    public enum Status { OPEN, DONE, CANCELLED }

    public boolean overdueAt(Instant now) {
        return status == Status.OPEN && dueAt.isBefore(now);
    }
}
