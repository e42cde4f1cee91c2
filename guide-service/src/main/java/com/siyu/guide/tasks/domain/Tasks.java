package com.siyu.guide.tasks.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.common.reference.UnknownReference;
import com.siyu.guide.binding.domain.Binding;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.client.MemberClient;
import com.siyu.guide.client.TenantZones;
import com.siyu.guide.events.domain.GuideEvents;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.wecom.domain.WecomGroup;
import com.siyu.guide.wecom.domain.WecomGroupRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks (小任务). Lifecycle tasks come from events, once per (rule, source): a member newly bound by a touch or an
 * operator (GuideBound) gives their guide a WELCOME task due within the policy's hours; a payment of at least the
 * policy's threshold (PaymentSucceeded) gives the member's guide a BIG_SPEND task; a bound member not seen for the
 * policy's days gives their guide a DORMANT task (a periodic job asking member-service). A manager assigns MANUAL tasks to
 * guides or a store's guides. A task that completes on PAYMENT is done by itself when its member pays after it was
 * set; the others when the guide marks them done (with evidence). Each completion credits the task's guide points
 * once and publishes TaskCompleted; an open task past due is escalated once (TaskOverdue, the manager's overdue list).
 */
@Service
public class Tasks {

    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    private final TaskRepository tasks;
    private final Roster roster;
    private final Bindings bindings;
    private final GuideEvents events;
    private final MemberClient members;
    private final WecomGroupRepository groups;
    private final Training training;
    private final TenantZones zones;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Tasks(TaskRepository tasks, Roster roster, Bindings bindings, GuideEvents events, MemberClient members, WecomGroupRepository groups,
                 Training training, TenantZones zones, PlatformTransactionManager transactions, Clock clock) {
        this.tasks = tasks;
        this.roster = roster;
        this.bindings = bindings;
        this.events = events;
        this.members = members;
        this.groups = groups;
        this.training = training;
        this.zones = zones;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public TaskPolicy policy() {
        return tasks.policy().orElse(TaskPolicy.DEFAULT);
    }

    public TaskPolicy setPolicy(TaskPolicy policy) {
        tasks.savePolicy(policy, clock.instant());
        return policy;
    }

    /** GuideBound: a member won by a touch or an operator (not a handover or merge) is welcomed by their new guide. */
    @Transactional
    public Optional<Long> bound(long memberId, long guideId, String source, Instant at) {
        TaskPolicy policy = policy();
        if (!policy.welcomeEnabled() || !Task.Rule.WELCOME.name().equals(ruleOf(source))) {
            return Optional.empty();
        }
        Optional<Guide> guide = roster.find(guideId).filter(g -> g.status() == GuideStatus.ACTIVE);
        if (guide.isEmpty()) {
            return Optional.empty();
        }
        String content = policy.welcomeContent() == null ? "欢迎新会员：添加企业微信、介绍专属服务与本月活动" : policy.welcomeContent();
        return tasks.insert(new TaskRepository.NewTask(Task.Rule.WELCOME, guideId, guide.get().storeId(), memberId, "欢迎新会员", content, null,
                policy.rewardPoints(), Task.CompletesOn.GUIDE, "m" + memberId + ":g" + guideId, at.plus(Duration.ofHours(policy.welcomeHours())),
                null), clock.instant());
    }

    private static String ruleOf(String source) {
        return switch (String.valueOf(source)) {
            case "CODE", "LINK", "WECOM", "STAFF" -> Task.Rule.WELCOME.name();
            default -> "NONE";
        };
    }

    /** PaymentSucceeded: completes the member's open PAYMENT tasks and, above the threshold, sets a BIG_SPEND task. */
    @Transactional
    public void paid(long memberId, String paymentNo, long paidFen, Instant paidAt) {
        Instant now = clock.instant();
        for (Task task : tasks.openOnPayment(memberId, paidAt)) {
            if (tasks.complete(task.id(), "AUTO", "payment " + paymentNo, now)) {
                completed(task, "AUTO", now);
            }
        }
        TaskPolicy policy = policy();
        if (policy.bigSpendFen() == null || paidFen < policy.bigSpendFen()) {
            return;
        }
        bindings.guideOf(memberId).filter(b -> b.guide().status() == GuideStatus.ACTIVE).ifPresent(b -> tasks.insert(new TaskRepository.NewTask(
                Task.Rule.BIG_SPEND, b.guide().id(), b.guide().storeId(), memberId, "大额消费回访",
                "会员本次消费 " + paidFen / 100 + " 元：致谢回访，推荐相关新品", null, policy.rewardPoints(), Task.CompletesOn.GUIDE,
                "p" + paymentNo, paidAt.plus(Duration.ofHours(policy.bigSpendHours())), null), now));
    }

    /** The guide reaching out to the member: what a WeCom 1:1 message from the guide completes (greetings and thank-yous). */
    static final java.util.Set<Task.Rule> DONE_BY_MESSAGE = java.util.EnumSet.of(Task.Rule.WELCOME, Task.Rule.BIG_SPEND, Task.Rule.BIRTHDAY);

    /**
     * touchpoint-service's MessageSent on WeCom through this guide: the guide's open welcome, big-spend and birthday
     * tasks about the member set before it are done (by "WECOM", with the message as evidence), each once.
     */
    @Transactional
    public int messaged(long guideId, long memberId, String msgId, Instant sentAt) {
        Instant now = clock.instant();
        int done = 0;
        for (Task task : tasks.openForGuide(guideId, memberId, DONE_BY_MESSAGE, sentAt)) {
            if (tasks.complete(task.id(), "WECOM", "WeCom message " + msgId, now)) {
                completed(task, "WECOM", now);
                done++;
            }
        }
        return done;
    }

    /**
     * coupon-service's CouponExpiring: the member's guide reminds them to use the coupon before it ends; done by the
     * member's next payment. Once per coupon; none once the coupon has ended (a late delivery) or without an active guide.
     */
    @Transactional
    public Optional<Long> couponExpiring(long memberId, long couponId, long templateId, Instant validTo, long daysLeft) {
        Instant now = clock.instant();
        if (!policy().couponExpiryEnabled() || !validTo.isAfter(now)) {
            return Optional.empty();
        }
        return bindings.guideOf(memberId).filter(b -> b.guide().status() == GuideStatus.ACTIVE).flatMap(b -> tasks.insert(new TaskRepository.NewTask(
                Task.Rule.COUPON_EXPIRY, b.guide().id(), b.guide().storeId(), memberId, "券即将过期提醒",
                "会员有一张券 " + daysLeft + " 天后到期：提醒到店使用", templateId, policy().rewardPoints(), Task.CompletesOn.PAYMENT, "c" + couponId,
                validTo, null), now));
    }

    public record CommunityAssignment(List<String> chatIds, String title, String content, Integer goal, int rewardPoints, Instant dueAt) {
    }

    /**
     * A manager's community task for each named WeCom group, to the group's owner (an active guide the manager sees): with
     * a {@code goal} it is done when the group has gained that many shoppers (WeCom's change callbacks), else when the
     * guide gives evidence (a post, an activity held).
     */
    @Transactional
    public List<Task> assignCommunity(CommunityAssignment assignment, Caller manager) {
        if (!assignment.dueAt().isAfter(clock.instant())) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "dueAt must be in the future");
        }
        List<TaskRepository.NewTask> planned = new ArrayList<>();
        for (String chatId : new LinkedHashSet<>(assignment.chatIds())) {
            WecomGroup group = groups.find(chatId).orElseThrow(() -> new DomainException(HttpStatus.UNPROCESSABLE_ENTITY,
                    "UNKNOWN_WECOM_GROUP", "chatIds " + chatId + " is not a WeCom group of this tenant (sync the groups first)"));
            if (!"ACTIVE".equals(group.status())) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GROUP_NOT_ACTIVE", "WeCom group " + chatId + " is " + group.status());
            }
            Guide owner = Optional.ofNullable(group.ownerGuideId()).flatMap(roster::find).filter(g -> GuideScope.sees(manager, g))
                    .orElseThrow(() -> new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GROUP_WITHOUT_GUIDE",
                            "WeCom group " + chatId + " is not owned by a guide you manage"));
            if (owner.status() != GuideStatus.ACTIVE) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_ACTIVE", "Guide " + owner.id() + " is " + owner.status());
            }
            planned.add(new TaskRepository.NewTask(Task.Rule.COMMUNITY, owner.id(), owner.storeId(), null, assignment.title(), assignment.content(),
                    null, assignment.rewardPoints(), assignment.goal() == null ? Task.CompletesOn.GUIDE : Task.CompletesOn.JOINS, null,
                    assignment.dueAt(), manager.staffId(), chatId, assignment.goal()));
        }
        Instant now = clock.instant();
        return planned.stream().map(t -> tasks.find(tasks.insert(t, now).orElseThrow()).orElseThrow()).toList();
    }

    /** After WeCom's change callback recorded joins: the group's JOINS tasks whose goal is reached are done. */
    @Transactional
    public int groupJoined(String chatId) {
        Instant now = clock.instant();
        int done = 0;
        for (Task task : tasks.openOnJoins(chatId)) {
            int joined = tasks.shopperJoins(chatId, task.createdAt());
            if (joined >= task.goal() && tasks.complete(task.id(), "AUTO", joined + " shoppers joined", now)) {
                completed(task, "AUTO", now);
                done++;
            }
        }
        return done;
    }

    public record Assignment(List<Long> guideIds, Long storeId, Long memberId, String title, String content, Long couponTemplateId,
                             int rewardPoints, Task.CompletesOn completesOn, Instant dueAt) {
    }

    /** A manager's task for each named guide, or each active guide of a store; every guide must be active and visible. */
    @Transactional
    public List<Task> assign(Assignment assignment, Caller manager) {
        if (!assignment.dueAt().isAfter(clock.instant())) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "dueAt must be in the future");
        }
        if (assignment.completesOn() == Task.CompletesOn.PAYMENT && assignment.memberId() == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "A task completed by a payment names its memberId");
        }
        LinkedHashSet<Guide> guides = new LinkedHashSet<>();
        if (assignment.guideIds() != null && !assignment.guideIds().isEmpty()) {
            for (long id : assignment.guideIds()) {
                Guide guide = roster.find(id).filter(g -> GuideScope.sees(manager, g))
                        .orElseThrow(() -> new UnknownReference("guideIds", "Guide", id));
                if (guide.status() != GuideStatus.ACTIVE) {
                    throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_ACTIVE", "Guide " + id + " is " + guide.status());
                }
                guides.add(guide);
            }
        } else if (assignment.storeId() != null) {
            Long scope = GuideScope.storeOf(manager);
            if (scope != null && !scope.equals(assignment.storeId())) {
                throw new UnknownReference("storeId", "Store", assignment.storeId());
            }
            roster.list(assignment.storeId()).stream().filter(g -> g.status() == GuideStatus.ACTIVE).forEach(guides::add);
            if (guides.isEmpty()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "STORE_HAS_NO_GUIDES", "Store " + assignment.storeId() + " has no active guide");
            }
        } else {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Name guideIds or a storeId");
        }
        Instant now = clock.instant();
        return guides.stream().map(g -> tasks.insert(new TaskRepository.NewTask(Task.Rule.MANUAL, g.id(), g.storeId(), assignment.memberId(),
                assignment.title(), assignment.content(), assignment.couponTemplateId(), assignment.rewardPoints(), assignment.completesOn(), null,
                assignment.dueAt(), manager.staffId()), now).orElseThrow()).map(id -> tasks.find(id).orElseThrow()).toList();
    }

    public Task get(long id) {
        return tasks.find(id).orElseThrow(() -> DomainException.notFound("Task", id));
    }

    /** The guide marks their task done; done again answers the task as it is. */
    @Transactional
    public Task complete(Task task, String evidence) {
        if (task.status() == Task.Status.CANCELLED) {
            throw new DomainException(HttpStatus.CONFLICT, "TASK_CANCELLED", "Task " + task.id() + " was cancelled");
        }
        if (task.status() == Task.Status.OPEN) {
            if (task.completesOn() == Task.CompletesOn.PAYMENT) {
                throw new DomainException(HttpStatus.CONFLICT, "TASK_COMPLETES_ON_PAYMENT", "Task " + task.id() + " is done when its member pays");
            }
            if (task.completesOn() == Task.CompletesOn.JOINS) {
                throw new DomainException(HttpStatus.CONFLICT, "TASK_COMPLETES_ON_JOINS",
                        "Task " + task.id() + " is done when its group has gained " + task.goal() + " shoppers");
            }
            if (task.rule() == Task.Rule.COMMUNITY && (evidence == null || evidence.isBlank())) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "EVIDENCE_REQUIRED", "A community task is done with its evidence (a screenshot URL, a note)");
            }
            if (task.rule() == Task.Rule.NEWBIE) {
                training.requireUnlocked(task);
            }
        }
        Instant now = clock.instant();
        if (tasks.complete(task.id(), "GUIDE", evidence, now)) {
            completed(task, "GUIDE", now);
        }
        return get(task.id());
    }

    private void completed(Task task, String by, Instant at) {
        tasks.credit(task, at);
        training.rewarded(task.guideId(), at);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("taskId", task.id());
        data.put("rule", task.rule().name());
        data.put("guideId", task.guideId());
        data.put("memberId", task.memberId());
        data.put("by", by);
        data.put("rewardPoints", task.rewardPoints());
        data.put("at", at.toString());
        events.publish(CallerContext.requireTenant(), "TaskCompleted", data);
    }

    public List<Task> list(TaskRepository.Filter filter) {
        return tasks.list(filter, clock.instant(), 500);
    }

    /** The member's tasks, open ones first, then the latest done or cancelled. */
    public List<Task> ofMember(long memberId, int limit) {
        return tasks.ofMember(memberId, limit);
    }

    public long points(long guideId) {
        return tasks.points(guideId);
    }

    public List<TaskRepository.Completion> completion(Long storeId, Instant from, Instant to) {
        return tasks.completion(storeId, from, to, clock.instant());
    }

    /** A guide who left: their open NEWBIE tasks are cancelled (nobody is escalated for them). */
    public int leftTraining(long guideId) {
        return tasks.cancelOpen(guideId, Task.Rule.NEWBIE);
    }

    /** In a handover chunk's transaction: the leaver's open tasks about the moved members go with them. */
    public int moveOpen(long fromGuideId, Map<Long, Long> newGuideOf) {
        return newGuideOf.isEmpty() ? 0 : tasks.moveOpen(fromGuideId, newGuideOf);
    }

    @Scheduled(fixedDelayString = "${siyu.guide.lifecycle-task-interval:PT6H}", initialDelayString = "PT5M")
    @SchedulerLock(name = "guide.lifecycle-tasks", lockAtMostFor = "PT2H", lockAtLeastFor = "PT1M")
    public void scheduledLifecycle() {
        Instant now = clock.instant();
        dormant(now);
        birthdays(now);
    }

    /**
     * Every tenant's bound members whose birthday falls in the coming {@code birthdayDays} (from tomorrow, in the mall's
     * time zone) get their ACTIVE guide a BIRTHDAY task due at the end of the birthday, once per member and year. A 29
     * February birthday is kept on 28 February in other years.
     */
    public int birthdays(Instant now) {
        return eachTenant("Birthday", () -> birthdaysOfTenant(now));
    }

    /** Runs {@code job} as each tenant with an active guide; a tenant whose run fails is logged and the others go on. */
    private int eachTenant(String job, java.util.function.IntSupplier perTenant) {
        int created = 0;
        for (long tenant : tasks.tenantsWithActiveGuides()) {
            try {
                created += CallerContext.callAs(Caller.system(tenant), perTenant::getAsInt);
            } catch (RuntimeException e) {
                log.warn("{} tasks of tenant {} stopped: {}", job, tenant, e.getMessage());
            }
        }
        return created;
    }

    private int birthdaysOfTenant(Instant now) {
        TaskPolicy policy = policy();
        if (policy.birthdayDays() <= 0) {
            return 0;
        }
        ZoneId zone = zones.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Map<MonthDay, LocalDate> window = new LinkedHashMap<>();
        for (int d = 1; d <= policy.birthdayDays(); d++) {
            LocalDate day = today.plusDays(d);
            window.put(MonthDay.from(day), day);
            if (day.getMonthValue() == 2 && day.getDayOfMonth() == 28 && !day.isLeapYear()) {
                window.put(MonthDay.of(2, 29), day);
            }
        }
        return forEachBoundPage((guide, ids) -> {
            int made = 0;
            for (MemberClient.Birthday member : members.birthdays(new MemberClient.BirthdayQuery(ids, List.copyOf(window.keySet())))) {
                LocalDate day = window.get(MonthDay.from(member.birthday()));
                if (day == null) {
                    continue;
                }
                if (tasks.insert(new TaskRepository.NewTask(Task.Rule.BIRTHDAY, guide.id(), guide.storeId(), member.id(), "生日关怀",
                        "会员 " + day.getMonthValue() + " 月 " + day.getDayOfMonth() + " 日生日：提前送上祝福，可附一张生日券", null,
                        policy.rewardPoints(), Task.CompletesOn.GUIDE, "m" + member.id() + ":y" + day.getYear(),
                        day.plusDays(1).atStartOfDay(zone).toInstant(), null), now).isPresent()) {
                    made++;
                }
            }
            return made;
        });
    }

    /** Runs {@code page} over each active guide's bound members, 1,000 ids at a time; the sum of what it answers. */
    private int forEachBoundPage(java.util.function.ToIntBiFunction<Guide, List<Long>> page) {
        int total = 0;
        for (Guide guide : roster.list(null)) {
            if (guide.status() != GuideStatus.ACTIVE) {
                continue;
            }
            long after = 0;
            while (true) {
                List<Binding> bound = bindings.membersOf(guide.id(), after, 1_000);
                if (bound.isEmpty()) {
                    break;
                }
                after = bound.get(bound.size() - 1).memberId();
                total += page.applyAsInt(guide, bound.stream().map(Binding::memberId).toList());
                if (bound.size() < 1_000) {
                    break;
                }
            }
        }
        return total;
    }

    /**
     * Every tenant's bound members not seen for the policy's {@code dormantDays} (member-service's last visit, else
     * registration) get their ACTIVE guide a DORMANT task, completed by the member's next payment; once per dormancy
     * spell (the source key is the last time seen), so a member who comes back and lapses again gets a new one.
     */
    public int dormant(Instant now) {
        return eachTenant("Dormant", () -> dormantOfTenant(now));
    }

    private int dormantOfTenant(Instant now) {
        TaskPolicy policy = policy();
        if (policy.dormantDays() <= 0) {
            return 0;
        }
        Instant since = now.minus(Duration.ofDays(policy.dormantDays()));
        return forEachBoundPage((guide, ids) -> {
            int made = 0;
            for (MemberClient.Dormant member : members.dormant(new MemberClient.DormantQuery(ids, since))) {
                long days = Duration.between(member.lastSeenAt(), now).toDays();
                if (tasks.insert(new TaskRepository.NewTask(Task.Rule.DORMANT, guide.id(), guide.storeId(), member.id(), "沉睡会员唤醒",
                        "会员已 " + days + " 天未到店：问候并邀请回店，可附一张券", null, policy.rewardPoints(), Task.CompletesOn.PAYMENT,
                        "m" + member.id() + ":s" + member.lastSeenAt().toEpochMilli(), now.plus(Duration.ofHours(72)), null), now).isPresent()) {
                    made++;
                }
            }
            return made;
        });
    }

    @Scheduled(fixedDelayString = "${siyu.guide.task-escalation-interval:PT5M}", initialDelayString = "PT1M")
    @SchedulerLock(name = "guide.task-escalation", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    public void scheduledEscalation() {
        escalate(clock.instant());
    }

    /** Escalates every tenant's open tasks past due at {@code now}, each once: TaskOverdue for the guide's store manager. */
    public int escalate(Instant now) {
        int escalated = 0;
        for (Map.Entry<Long, List<Task>> tenant : tasks.overdue(now, 5_000).entrySet()) {
            try {
                escalated += CallerContext.callAs(Caller.system(tenant.getKey()), () -> tx.execute(status -> {
                    for (Task task : tenant.getValue()) {
                        tasks.escalated(task.id(), now);
                        events.publish(tenant.getKey(), "TaskOverdue", Map.of("taskId", task.id(), "guideId", task.guideId(), "storeId", task.storeId(),
                                "dueAt", task.dueAt().toString()));
                    }
                    return tenant.getValue().size();
                }));
            } catch (RuntimeException e) {
                log.warn("Escalating tasks of tenant {} failed: {}", tenant.getKey(), e.getMessage());
            }
        }
        return escalated;
    }
}
