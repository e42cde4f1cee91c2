package com.siyu.guide.targets.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Targets and their trees, of the tenant in context; and the ledgers' day totals per guide (infra). */
public interface TargetRepository {

    long create(String name, Metric metric, LocalDate startsOn, LocalDate endsOn, long goal, long[] dayWeights, Long createdBy, Instant now,
                List<Target.Node> nodes);

    Optional<Target> find(long id);

    /** The tenant's targets, newest first, without their trees. */
    List<Target> list(long beforeId, int limit);

    /**
     * The metric per guide and day: {@code dayStarts} holds the instant each of the target's days begins in the
     * mall's zone, plus the end of the last one. One value per day for each of {@code guideIds}.
     */
    Map<Long, long[]> actuals(Metric metric, List<Long> guideIds, List<Instant> dayStarts);
}
