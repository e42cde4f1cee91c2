package com.siyu.guide.handover.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Who takes each of a leaving guide's members: the successor with the fewest members so far (counting what
 * they already have), ties to the lower guide id, so a handover evens the pool out instead of piling onto one.
 */
public final class Successors {

    private Successors() {
    }

    /** {@code currentCounts}: the members each candidate has now (missing = 0). Returns the successor of each member, in order. */
    public static List<Long> assign(List<Long> candidates, Map<Long, Long> currentCounts, int members) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no successor to hand over to");
        }
        PriorityQueue<long[]> pool = new PriorityQueue<>(Comparator.<long[]>comparingLong(c -> c[1]).thenComparingLong(c -> c[0]));
        for (long guide : candidates) {
            pool.add(new long[] {guide, currentCounts.getOrDefault(guide, 0L)});
        }
        List<Long> successors = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            long[] least = pool.poll();
            successors.add(least[0]);
            least[1]++;
            pool.add(least);
        }
        return successors;
    }
}
