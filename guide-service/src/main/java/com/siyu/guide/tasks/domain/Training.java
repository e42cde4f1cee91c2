package com.siyu.guide.tasks.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.guide.events.domain.GuideEvents;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Newbie training and its game (新手任务): the tenant's path is a list of steps, each a NEWBIE task every active guide
 * gets once (when enrolled, when the path changes, and by an hourly sweep for guides back to ACTIVE), done in order.
 * Guide points from every task done raise the guide's level by the tenant's thresholds (never lowered) and earn
 * badges once; a badge is published as GuideBadgeAwarded.
 */
@Service
public class Training {

    private static final Logger log = LoggerFactory.getLogger(Training.class);

    private final TrainingRepository training;
    private final TaskRepository tasks;
    private final Roster roster;
    private final GuideEvents events;
    private final Clock clock;

    public Training(TrainingRepository training, TaskRepository tasks, Roster roster, GuideEvents events, Clock clock) {
        this.training = training;
        this.tasks = tasks;
        this.roster = roster;
        this.events = events;
        this.clock = clock;
    }

    public List<TrainingRepository.Step> path() {
        return training.steps();
    }

    public record PathSaved(List<TrainingRepository.Step> steps, int enrolled, int cancelled) {
    }

    /** Replaces the path (steps in the order given; a step keeps its code across edits, so progress stays) and enrols every active guide. */
    @Transactional
    public PathSaved savePath(List<TrainingRepository.Step> steps) {
        Set<String> codes = new HashSet<>();
        for (TrainingRepository.Step step : steps) {
            if (!codes.add(step.code())) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Step code " + step.code() + " appears twice");
            }
        }
        Instant now = clock.instant();
        int cancelled = training.savePath(steps, now);
        int enrolled = training.enrol(null, now);
        return new PathSaved(training.steps(), enrolled, cancelled);
    }

    /** A new (or reactivated) guide's training tasks. */
    public int enrol(long guideId) {
        return training.enrol(guideId, clock.instant());
    }

    @Scheduled(fixedDelayString = "${siyu.guide.training-interval:PT1H}", initialDelayString = "PT3M")
    @SchedulerLock(name = "guide.training", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    public void scheduledEnrolment() {
        for (long tenant : tasks.tenantsWithActiveGuides()) {
            try {
                CallerContext.runAs(Caller.system(tenant), () -> training.enrol(null, clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Training enrolment of tenant {} stopped: {}", tenant, e.getMessage());
            }
        }
    }

    /** A step is done after the ones before it: 409 TRAINING_STEP_LOCKED otherwise. */
    public void requireUnlocked(Task task) {
        if (training.earlierStepOpen(task.guideId(), task.stepCode())) {
            throw new DomainException(HttpStatus.CONFLICT, "TRAINING_STEP_LOCKED", "Finish the earlier training steps before " + task.title());
        }
    }

    /** In the completing transaction, after the task's points were credited: the level the points reach, new badges. */
    public void rewarded(long guideId, Instant at) {
        long points = tasks.points(guideId);
        training.levelFor(points).ifPresent(level -> roster.raiseLevel(guideId, level.level()));
        List<TrainingRepository.Badge> badges = training.badges();
        if (badges.isEmpty()) {
            return;
        }
        long done = tasks.doneCount(guideId);
        boolean trained = trained(guideId);
        for (TrainingRepository.Badge badge : badges) {
            boolean earned = switch (badge.kind()) {
                case TRAINING_DONE -> trained;
                case TASKS_DONE -> done >= badge.threshold();
                case POINTS -> points >= badge.threshold();
            };
            if (earned && training.award(guideId, badge.code(), at)) {
                events.publish(CallerContext.requireTenant(), "GuideBadgeAwarded", Map.of("guideId", guideId, "badge", badge.code(),
                        "name", badge.name(), "at", at.toString()));
            }
        }
    }

    private boolean trained(long guideId) {
        List<TrainingRepository.Step> steps = training.steps();
        if (steps.isEmpty()) {
            return false;
        }
        Set<String> done = new HashSet<>();
        training.trainingTasks(guideId).stream().filter(t -> t.status() == Task.Status.DONE).forEach(t -> done.add(t.stepCode()));
        return steps.stream().allMatch(s -> done.contains(s.code()));
    }

    public List<TrainingRepository.Level> levels() {
        return training.levels();
    }

    /** Levels 1.. in order, the first from 0 points, each needing more than the one before; guides already past a threshold rise now. */
    @Transactional
    public List<TrainingRepository.Level> saveLevels(List<TrainingRepository.Level> levels) {
        for (int i = 0; i < levels.size(); i++) {
            if (i == 0 ? levels.get(0).minPoints() != 0 : levels.get(i).minPoints() <= levels.get(i - 1).minPoints()) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                        "levels[" + i + "].minPoints: the first level starts at 0 and each next one needs more points");
            }
        }
        training.saveLevels(levels);
        training.pointsByGuide().forEach((guideId, points) -> training.levelFor(points).ifPresent(l -> roster.raiseLevel(guideId, l.level())));
        return training.levels();
    }

    public List<TrainingRepository.Badge> badges() {
        return training.badges();
    }

    public List<TrainingRepository.Badge> saveBadges(List<TrainingRepository.Badge> badges) {
        Set<String> codes = new HashSet<>();
        for (TrainingRepository.Badge badge : badges) {
            if (!codes.add(badge.code())) {
                throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Badge code " + badge.code() + " appears twice");
            }
        }
        training.saveBadges(badges);
        return training.badges();
    }

    public record StepProgress(String code, int position, String title, Long taskId, Task.Status status, Instant dueAt, Instant doneAt) {
    }

    public record Progress(long guideId, long points, int level, String levelName, TrainingRepository.Level nextLevel, Long pointsToNextLevel,
                           List<StepProgress> training, List<TrainingRepository.Award> badges) {
    }

    /** The guide's game: points, level (and what the next one needs), training steps with their state, badges. */
    public Progress progress(Guide guide) {
        long points = tasks.points(guide.id());
        List<TrainingRepository.Level> levels = training.levels();
        Optional<TrainingRepository.Level> current = levels.stream().filter(l -> l.level() == guide.level()).findFirst();
        Optional<TrainingRepository.Level> next = levels.stream().filter(l -> l.level() > guide.level()).findFirst();
        Map<String, Task> byStep = new java.util.HashMap<>();
        training.trainingTasks(guide.id()).forEach(t -> byStep.put(t.stepCode(), t));
        List<StepProgress> steps = training.steps().stream().map(s -> {
            Task t = byStep.get(s.code());
            return new StepProgress(s.code(), s.position(), s.title(), t == null ? null : t.id(), t == null ? null : t.status(),
                    t == null ? null : t.dueAt(), t == null ? null : t.doneAt());
        }).toList();
        return new Progress(guide.id(), points, guide.level(), current.map(TrainingRepository.Level::name).orElse(null), next.orElse(null),
                next.map(l -> Math.max(0, l.minPoints() - points)).orElse(null), steps, training.awards(guide.id()));
    }
}
