package com.siyu.guide.targets.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void partsAlwaysAddUpAndFollowTheWeightsWithTheLargestRemaindersGettingTheRest() {
        assertThat(Split.byWeights(1_000, new long[] {2, 1})).containsExactly(667, 333);
        assertThat(Split.evenly(10, 3)).containsExactly(4, 3, 3);
        assertThat(Split.byWeights(5, new long[] {0, 1, 0})).containsExactly(0, 5, 0);
        assertThat(Split.byWeights(0, new long[] {1, 1})).containsExactly(0, 0);
        for (int run = 0; run < 1_000; run++) {
            long total = ThreadLocalRandom.current().nextLong(0, 10_000_000_000L);
            long[] weights = ThreadLocalRandom.current().longs(ThreadLocalRandom.current().nextInt(1, 40), 0, 1_000).toArray();
            weights[0] += 1;
            long[] parts = Split.byWeights(total, weights);
            assertThat(Arrays.stream(parts).sum()).isEqualTo(total);
            long sum = Arrays.stream(weights).sum();
            for (int i = 0; i < parts.length; i++) {
                // never more than one off the exact share
                assertThat(Math.abs(parts[i] * sum - total * weights[i])).isLessThanOrEqualTo(sum);
            }
        }
        assertThatThrownBy(() -> Split.byWeights(1, new long[] {0, 0})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyLevelsGoalsAndActualsAreTheirChildrensSummedInEveryBucket() {
        List<Target.Node> nodes = TargetPlan.split("May", 5_000, List.of(
                new TargetPlan.DepartmentShare("Women", 3, List.of(
                        new TargetPlan.StoreShare(1, "A", 2, List.of(new TargetPlan.GuideShare(11, "li", 1), new TargetPlan.GuideShare(12, "wang", 2))),
                        new TargetPlan.StoreShare(2, "B", 1, List.of(new TargetPlan.GuideShare(21, "zhao", 1))))),
                new TargetPlan.DepartmentShare("Kids", 1, List.of(
                        new TargetPlan.StoreShare(3, "C", 1, List.of(new TargetPlan.GuideShare(31, "qian", 1)))))));
        assertThat(nodes.stream().filter(n -> n.level() == Target.Level.GUIDE).mapToLong(Target.Node::goal).sum()).isEqualTo(5_000);
        // May 2027: weekends count double
        long[] weekdays = {1, 1, 1, 1, 1, 2, 2};
        Target target = new Target(1, "May", Metric.NEW_BINDINGS, LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 31), 5_000, weekdays, null,
                null, nodes);
        long[] li = new long[31];
        li[0] = 7;
        li[30] = 5;
        long[] zhao = new long[31];
        zhao[10] = 3;
        Map<Long, long[]> actuals = Map.of(11L, li, 21L, zhao, 99L, new long[31]);
        for (TargetPlan.Granularity granularity : TargetPlan.Granularity.values()) {
            List<TargetPlan.NodeProgress> progress = TargetPlan.progress(target, actuals, granularity);
            for (TargetPlan.NodeProgress p : progress) {
                assertThat(p.buckets().stream().mapToLong(TargetPlan.Bucket::goal).sum()).as(p.node().name()).isEqualTo(p.node().goal());
                assertThat(p.buckets().stream().mapToLong(TargetPlan.Bucket::actual).sum()).isEqualTo(p.actual());
                List<TargetPlan.NodeProgress> children = progress.stream().filter(c -> c.node().parent() == p.node().index()).toList();
                if (!children.isEmpty()) {
                    assertThat(children.stream().mapToLong(TargetPlan.NodeProgress::actual).sum()).isEqualTo(p.actual());
                    assertThat(children.stream().mapToLong(c -> c.node().goal()).sum()).isEqualTo(p.node().goal());
                    for (int b = 0; b < p.buckets().size(); b++) {
                        int bucket = b;
                        assertThat(children.stream().mapToLong(c -> c.buckets().get(bucket).goal()).sum()).isEqualTo(p.buckets().get(b).goal());
                        assertThat(children.stream().mapToLong(c -> c.buckets().get(bucket).actual()).sum()).isEqualTo(p.buckets().get(b).actual());
                    }
                }
            }
            assertThat(progress.get(0).actual()).isEqualTo(15);
            int expectedBuckets = switch (granularity) {
                case DAY -> 31;
                case WEEK -> 6; // Sat 1 May .. Mon 31 May 2027: weeks starting 1 (clipped), 3, 10, 17, 24, 31
                case MONTH -> 1;
            };
            assertThat(progress.get(0).buckets()).hasSize(expectedBuckets);
        }
        // a Saturday's goal is twice a Monday's (to rounding)
        List<TargetPlan.Bucket> days = TargetPlan.progress(target, actuals, TargetPlan.Granularity.DAY).get(0).buckets();
        assertThat(days.get(0).goal()).isBetween(2 * days.get(2).goal() - 12, 2 * days.get(2).goal() + 12);
    }
}
