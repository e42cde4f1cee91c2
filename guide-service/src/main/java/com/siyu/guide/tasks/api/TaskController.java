package com.siyu.guide.tasks.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.client.References;
import com.siyu.guide.client.TenantZones;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.tasks.domain.Task;
import com.siyu.guide.tasks.domain.TaskPolicy;
import com.siyu.guide.tasks.domain.TaskRepository;
import com.siyu.guide.tasks.domain.Tasks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tasks: the tenant's policy, a manager's assignments and views, a guide's list and completions. */
@RestController
@Validated
class TaskController {

    private final Tasks tasks;
    private final Roster roster;
    private final References references;
    private final TenantZones zones;

    TaskController(Tasks tasks, Roster roster, References references, TenantZones zones) {
        this.tasks = tasks;
        this.roster = roster;
        this.references = references;
        this.zones = zones;
    }

    record PolicyRequest(@NotNull Boolean welcomeEnabled, @NotNull @Min(1) @Max(720) Integer welcomeHours, @Size(max = 500) String welcomeContent,
                         @Positive Long bigSpendFen, @NotNull @Min(1) @Max(720) Integer bigSpendHours, @NotNull @Min(0) @Max(10_000) Integer rewardPoints,
                         @Min(0) @Max(365) Integer dormantDays, @Min(0) @Max(30) Integer birthdayDays, Boolean couponExpiryEnabled) {
    }

    @GetMapping("/admin/v1/guide/task-policy")
    TaskPolicy policy() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        return tasks.policy();
    }

    @PutMapping("/admin/v1/guide/task-policy")
    TaskPolicy setPolicy(@Valid @RequestBody PolicyRequest r) {
        StaffOnly.require("TENANT_ADMIN");
        return tasks.setPolicy(new TaskPolicy(r.welcomeEnabled(), r.welcomeHours(), r.welcomeContent(), r.bigSpendFen(), r.bigSpendHours(),
                r.rewardPoints(), r.dormantDays() == null ? TaskPolicy.DEFAULT.dormantDays() : r.dormantDays(),
                r.birthdayDays() == null ? TaskPolicy.DEFAULT.birthdayDays() : r.birthdayDays(),
                r.couponExpiryEnabled() == null ? TaskPolicy.DEFAULT.couponExpiryEnabled() : r.couponExpiryEnabled()));
    }

    /** GUIDE: the guide marks it done; PAYMENT: done when {@code memberId} pays after it was set. rewardPoints: guide points, default 0. */
    record AssignRequest(@Size(max = 200) List<@NotNull @Positive Long> guideIds, @Positive Long storeId, @Positive Long memberId,
                         @NotBlank @Size(max = 100) String title, @Size(max = 1000) String content, @Positive Long couponTemplateId,
                         @Min(0) @Max(10_000) Integer rewardPoints, @NotNull Task.CompletesOn completesOn, @NotNull Instant dueAt) {
    }

    record TaskResponse(long id, Task.Rule rule, long guideId, long storeId, Long memberId, String title, String content, Long couponTemplateId,
                        int rewardPoints, Task.CompletesOn completesOn, Task.Status status, boolean overdue, Instant dueAt, Instant escalatedAt,
                        Instant doneAt, String doneBy, String evidence, Instant createdAt, String chatId, Integer goal, String stepCode) {
        static TaskResponse of(Task t) {
            return new TaskResponse(t.id(), t.rule(), t.guideId(), t.storeId(), t.memberId(), t.title(), t.content(), t.couponTemplateId(),
                    t.rewardPoints(), t.completesOn(), t.status(), t.overdueAt(Instant.now()), t.dueAt(), t.escalatedAt(), t.doneAt(), t.doneBy(),
                    t.evidence(), t.createdAt(), t.chatId(), t.goal(), t.stepCode());
        }
    }

    @PostMapping("/admin/v1/guide/tasks")
    ResponseEntity<List<TaskResponse>> assign(@Valid @RequestBody AssignRequest r) {
        Caller manager = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        if (r.memberId() != null) {
            references.memberFound(r.memberId());
        }
        references.couponTemplate("couponTemplateId", r.couponTemplateId());
        List<Task> created = tasks.assign(new Tasks.Assignment(r.guideIds(), r.storeId(), r.memberId(), r.title(), r.content(), r.couponTemplateId(),
                r.rewardPoints() == null ? 0 : r.rewardPoints(), r.completesOn(), r.dueAt()), manager);
        return ResponseEntity.created(URI.create("/admin/v1/guide/tasks/" + created.get(0).id())).body(created.stream().map(TaskResponse::of).toList());
    }

    /** goal: done when the group has gained that many shoppers (WeCom's callbacks); without it the guide gives evidence. */
    record CommunityRequest(@NotNull @Size(min = 1, max = 100) List<@NotBlank @Size(max = 64) String> chatIds, @NotBlank @Size(max = 100) String title,
                            @Size(max = 1000) String content, @Min(1) @Max(500) Integer goal, @Min(0) @Max(10_000) Integer rewardPoints,
                            @NotNull Instant dueAt) {
    }

    /** Community tasks (社群任务): one per WeCom group, to the group's owner guide. */
    @PostMapping("/admin/v1/guide/community-tasks")
    ResponseEntity<List<TaskResponse>> assignCommunity(@Valid @RequestBody CommunityRequest r) {
        Caller manager = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        List<Task> created = tasks.assignCommunity(new Tasks.CommunityAssignment(r.chatIds(), r.title(), r.content(), r.goal(),
                r.rewardPoints() == null ? 0 : r.rewardPoints(), r.dueAt()), manager);
        return ResponseEntity.created(URI.create("/admin/v1/guide/tasks/" + created.get(0).id())).body(created.stream().map(TaskResponse::of).toList());
    }

    /** A manager's store's tasks (admins any store's or all), by guide, status or only the overdue ones. */
    @GetMapping("/admin/v1/guide/tasks")
    List<TaskResponse> list(@RequestParam(required = false) @Positive Long storeId, @RequestParam(required = false) @Positive Long guideId,
                            @RequestParam(required = false) Task.Status status, @RequestParam(defaultValue = "false") boolean overdue) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        Long scope = GuideScope.storeOf(staff);
        return tasks.list(new TaskRepository.Filter(scope != null ? scope : storeId, guideId, status, overdue)).stream().map(TaskResponse::of).toList();
    }

    record CompletionResponse(LocalDate from, LocalDate to, List<TaskRepository.Completion> guides) {
    }

    /** Per guide: tasks due in the mall's days from..to, how many done, how many open past due. */
    @GetMapping("/admin/v1/guide/tasks/completion")
    CompletionResponse completion(@RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) @Positive Long storeId) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER");
        if (to.isBefore(from) || to.isAfter(from.plusDays(366))) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "from..to is at most a year, from first");
        }
        Long scope = GuideScope.storeOf(staff);
        ZoneId zone = zones.zone();
        return new CompletionResponse(from, to, tasks.completion(scope != null ? scope : storeId, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant()));
    }

    record MyTasksResponse(long guideId, long points, List<TaskResponse> tasks) {
    }

    @GetMapping("/admin/v1/guide/me/tasks")
    MyTasksResponse mine(@RequestParam(required = false) Task.Status status) {
        Guide guide = roster.ofStaff(StaffOnly.require("GUIDE").staffId());
        return new MyTasksResponse(guide.id(), tasks.points(guide.id()),
                tasks.list(new TaskRepository.Filter(null, guide.id(), status, false)).stream().map(TaskResponse::of).toList());
    }

    @GetMapping("/admin/v1/guide/tasks/{id}")
    TaskResponse get(@PathVariable long id) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER", "GUIDE");
        return TaskResponse.of(visible(staff, id));
    }

    record CompletionRequest(@Size(max = 500) String evidence) {
    }

    /** The guide marks their own task done, with what shows it (a note, an image URL). */
    @PostMapping("/admin/v1/guide/tasks/{id}/completion")
    TaskResponse complete(@PathVariable long id, @Valid @RequestBody CompletionRequest r) {
        Caller staff = StaffOnly.require("GUIDE");
        Task task = visible(staff, id);
        return TaskResponse.of(tasks.complete(task, r.evidence()));
    }

    private Task visible(Caller staff, long id) {
        Task task = tasks.get(id);
        Guide guide = roster.get(task.guideId());
        if (!GuideScope.sees(staff, guide)) {
            throw DomainException.notFound("Task", id);
        }
        return task;
    }
}
