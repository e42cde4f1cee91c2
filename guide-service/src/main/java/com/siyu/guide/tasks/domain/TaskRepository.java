package com.siyu.guide.tasks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks and guide points of the tenant in context, unless a method says otherwise (infra). */
public interface TaskRepository {

    Optional<TaskPolicy> policy();

    void savePolicy(TaskPolicy policy, Instant now);

    record NewTask(Task.Rule rule, long guideId, long storeId, Long memberId, String title, String content, Long couponTemplateId, int rewardPoints,
                   Task.CompletesOn completesOn, String sourceKey, Instant dueAt, Long createdBy, String chatId, Integer goal) {

        /** A task about a member or no one (no group). */
        public NewTask(Task.Rule rule, long guideId, long storeId, Long memberId, String title, String content, Long couponTemplateId, int rewardPoints,
                       Task.CompletesOn completesOn, String sourceKey, Instant dueAt, Long createdBy) {
            this(rule, guideId, storeId, memberId, title, content, couponTemplateId, rewardPoints, completesOn, sourceKey, dueAt, createdBy, null, null);
        }
    }

    /** The new task's id; empty when a task of this rule and source key exists already (a redelivered event). */
    Optional<Long> insert(NewTask task, Instant now);

    Optional<Task> find(long id);

    /** Marks it DONE if it is OPEN; false when it was not. */
    boolean complete(long id, String doneBy, String evidence, Instant at);

    /** The member's OPEN tasks that a payment completes, set before {@code paidAt}. */
    List<Task> openOnPayment(long memberId, Instant paidAt);

    /** The guide's OPEN tasks about the member that the guide completes (of these rules), set before {@code before}. */
    List<Task> openForGuide(long guideId, long memberId, java.util.Collection<Task.Rule> rules, Instant before);

    /** The OPEN JOINS tasks about this WeCom group. */
    List<Task> openOnJoins(String chatId);

    /** Shoppers (external contacts) who joined the group at or after {@code since}. */
    int shopperJoins(String chatId, Instant since);

    /** Tasks of this guide marked DONE. */
    long doneCount(long guideId);

    /** Credits the task's reward once. */
    void credit(Task task, Instant at);

    long points(long guideId);

    record Filter(Long storeId, Long guideId, Task.Status status, boolean overdueOnly) {
    }

    List<Task> list(Filter filter, Instant now, int limit);

    List<Task> ofMember(long memberId, int limit);

    /** Every tenant with an active guide (the dormant job's entry). */
    java.util.Set<Long> tenantsWithActiveGuides();

    /** OPEN tasks past due and not escalated, of every tenant, by tenant. */
    Map<Long, List<Task>> overdue(Instant now, int limit);

    void escalated(long id, Instant at);

    /** Cancels the guide's OPEN tasks of this rule; how many. */
    int cancelOpen(long guideId, Task.Rule rule);

    /** Moves the leaver's OPEN tasks about these members to their new guides (member → guide). */
    int moveOpen(long fromGuideId, Map<Long, Long> newGuideOf);

    record Completion(long guideId, long assigned, long done, long overdue) {
    }

    /** Per guide (of a store, or all): tasks due in [from, to), done, and still open past due at {@code now}. */
    List<Completion> completion(Long storeId, Instant from, Instant to, Instant now);
}
