package com.siyu.guide.targets.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A campaign target (指标分解): a goal for a metric over the mall's days {@code startsOn}..{@code endsOn}, split
 * tenant → department → store → guide by weights (or evenly) and over the days by weekday weights (Monday first).
 * Every node's goal is exactly the sum of its children's, and every node's day goals sum to its goal.
 */
public record Target(long id, String name, Metric metric, LocalDate startsOn, LocalDate endsOn, long goal, long[] dayWeights, Long createdBy,
                     Instant createdAt, List<Node> nodes) {

    public enum Level { TENANT, DEPARTMENT, STORE, GUIDE }

    /** {@code refId}: the store's or guide's id (null for the tenant and departments); {@code parent}: index in {@link #nodes}, -1 for the root. */
    public record Node(int index, int parent, Level level, Long refId, String name, long weight, long goal) {
    }

    public List<Node> children(int index) {
        return nodes.stream().filter(n -> n.parent() == index).toList();
    }
}
