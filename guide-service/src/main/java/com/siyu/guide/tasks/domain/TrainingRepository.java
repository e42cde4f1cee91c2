package com.siyu.guide.tasks.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The training path, levels and badges of the tenant in context, and each guide's progress on them (infra). */
public interface TrainingRepository {

    /** A step of the newbie path; {@code position} its place (0 first), {@code dueDays} after enrolment. */
    record Step(String code, int position, String title, String content, int rewardPoints, int dueDays) {
    }

    /** The active steps, in order. */
    List<Step> steps();

    /**
     * Makes {@code steps} the path: each upserted by code at its position and active, every other step inactive and its
     * open tasks cancelled, open tasks of kept steps retitled; returns how many open tasks were cancelled.
     */
    int savePath(List<Step> steps, Instant now);

    /** Gives the guide (or every active guide when null) the NEWBIE task of each active step they do not have yet. */
    int enrol(Long guideId, Instant now);

    /** Whether the guide has an OPEN task of an active step before {@code stepCode}. */
    boolean earlierStepOpen(long guideId, String stepCode);

    /** The guide's NEWBIE tasks of active steps, by step code. */
    List<Task> trainingTasks(long guideId);

    /** {@code level} 1 first; reaching {@code minPoints} guide points earns it. */
    record Level(int level, String name, int minPoints) {
    }

    List<Level> levels();

    void saveLevels(List<Level> levels);

    enum BadgeKind { TRAINING_DONE, TASKS_DONE, POINTS }

    /** Earned once: TRAINING_DONE every active step done; TASKS_DONE {@code threshold} tasks done; POINTS {@code threshold} guide points. */
    record Badge(String code, String name, BadgeKind kind, int threshold) {
    }

    List<Badge> badges();

    void saveBadges(List<Badge> badges);

    record Award(String code, String name, Instant awardedAt) {
    }

    /** Awards the badge once; true when it is new. */
    boolean award(long guideId, String badgeCode, Instant at);

    List<Award> awards(long guideId);

    /** Guides with guide points, and how many (a level change re-ranks them). */
    java.util.Map<Long, Long> pointsByGuide();

    Optional<Level> levelFor(long points);
}
