package com.siyu.guide.tasks.domain;

import java.time.Instant;

/**
 * A guide's task (小任务); {@code memberId} null for a task about no one shopper; {@code chatId} the WeCom group of a
 * COMMUNITY task and {@code goal} the shoppers it is to gain (JOINS); {@code stepCode} a NEWBIE task's training step.
 */
public record Task(long id, Rule rule, long guideId, long storeId, Long memberId, String title, String content, Long couponTemplateId,
                   int rewardPoints, CompletesOn completesOn, Status status, Instant dueAt, Instant escalatedAt, Instant doneAt, String doneBy,
                   String evidence, Instant createdAt, String chatId, Integer goal, String stepCode) {

    /**
     * WELCOME: a member newly bound; BIG_SPEND: a payment above the tenant's threshold; DORMANT: a member not seen for a
     * while; BIRTHDAY: a member's birthday coming; COUPON_EXPIRY: a member's coupon about to end; COMMUNITY: about a WeCom
     * group; NEWBIE: a step of the training path; MANUAL: a manager's.
     */
    public enum Rule { WELCOME, BIG_SPEND, DORMANT, BIRTHDAY, COUPON_EXPIRY, COMMUNITY, NEWBIE, MANUAL }

    /**
     * PAYMENT: done by itself when the task's member pays after it was set; GUIDE: the guide marks it done; JOINS: done by
     * itself when the task's group has gained {@code goal} shoppers since it was set.
     */
    public enum CompletesOn { PAYMENT, GUIDE, JOINS }

    public enum Status { OPEN, DONE, CANCELLED }

    public boolean overdueAt(Instant now) {
        return status == Status.OPEN && dueAt.isBefore(now);
    }
}
