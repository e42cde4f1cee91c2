package com.siyu.guide.targets.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The pure part of targets: splitting a goal down the tree, and rolling actuals and day goals back up. */
public final class TargetPlan {

    private TargetPlan() {
    }

    public record GuideShare(long guideId, String name, long weight) {
    }

    public record StoreShare(long storeId, String name, long weight, List<GuideShare> guides) {
    }

    public record DepartmentShare(String name, long weight, List<StoreShare> stores) {
    }

    /** The tree, root first, then each department, its stores and their guides, goals split by weight at every level. */
    public static List<Target.Node> split(String name, long goal, List<DepartmentShare> departments) {
        List<Target.Node> nodes = new ArrayList<>();
        nodes.add(new Target.Node(0, -1, Target.Level.TENANT, null, name, 1, goal));
        long[] departmentGoals = Split.byWeights(goal, departments.stream().mapToLong(DepartmentShare::weight).toArray());
        for (int d = 0; d < departments.size(); d++) {
            DepartmentShare department = departments.get(d);
            int di = add(nodes, 0, Target.Level.DEPARTMENT, null, department.name(), department.weight(), departmentGoals[d]);
            long[] storeGoals = Split.byWeights(departmentGoals[d], department.stores().stream().mapToLong(StoreShare::weight).toArray());
            for (int s = 0; s < department.stores().size(); s++) {
                StoreShare store = department.stores().get(s);
                int si = add(nodes, di, Target.Level.STORE, store.storeId(), store.name(), store.weight(), storeGoals[s]);
                long[] guideGoals = Split.byWeights(storeGoals[s], store.guides().stream().mapToLong(GuideShare::weight).toArray());
                for (int g = 0; g < store.guides().size(); g++) {
                    GuideShare guide = store.guides().get(g);
                    add(nodes, si, Target.Level.GUIDE, guide.guideId(), guide.name(), guide.weight(), guideGoals[g]);
                }
            }
        }
        return nodes;
    }

    private static int add(List<Target.Node> nodes, int parent, Target.Level level, Long refId, String name, long weight, long goal) {
        nodes.add(new Target.Node(nodes.size(), parent, level, refId, name, weight, goal));
        return nodes.size() - 1;
    }

    public enum Granularity { DAY, WEEK, MONTH }

    public record Bucket(LocalDate first, long goal, long actual) {
    }

    public record NodeProgress(Target.Node node, long actual, List<Bucket> buckets) {
    }

    /**
     * Progress of every node: a guide's day goals are its goal split by the weekday weights, its actuals what the
     * ledgers say ({@code guideDays}: per guide id, one value per day of the target); a parent's day goals and
     * actuals are its children's summed, so every level adds up exactly. Buckets: days, ISO weeks or months,
     * clipped to the target's days.
     */
    public static List<NodeProgress> progress(Target target, Map<Long, long[]> guideDays, Granularity granularity) {
        int days = days(target.startsOn(), target.endsOn());
        long[] dayWeights = new long[days];
        for (int i = 0; i < days; i++) {
            dayWeights[i] = target.dayWeights()[target.startsOn().plusDays(i).getDayOfWeek().getValue() - 1];
        }
        int n = target.nodes().size();
        long[][] goals = new long[n][days];
        long[][] actuals = new long[n][days];
        // children always come after their parent: sum from the leaves up
        for (int i = n - 1; i >= 0; i--) {
            Target.Node node = target.nodes().get(i);
            if (node.level() == Target.Level.GUIDE) {
                goals[i] = Split.byWeights(node.goal(), dayWeights);
                actuals[i] = guideDays.getOrDefault(node.refId(), new long[days]).clone();
            }
            if (node.parent() >= 0) {
                for (int d = 0; d < days; d++) {
                    goals[node.parent()][d] += goals[i][d];
                    actuals[node.parent()][d] += actuals[i][d];
                }
            }
        }
        List<NodeProgress> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<LocalDate, long[]> buckets = new LinkedHashMap<>();
            long total = 0;
            for (int d = 0; d < days; d++) {
                LocalDate day = target.startsOn().plusDays(d);
                LocalDate first = switch (granularity) {
                    case DAY -> day;
                    case WEEK -> max(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), target.startsOn());
                    case MONTH -> max(day.withDayOfMonth(1), target.startsOn());
                };
                long[] bucket = buckets.computeIfAbsent(first, f -> new long[2]);
                bucket[0] += goals[i][d];
                bucket[1] += actuals[i][d];
                total += actuals[i][d];
            }
            out.add(new NodeProgress(target.nodes().get(i), total,
                    buckets.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue()[0], e.getValue()[1])).toList()));
        }
        return out;
    }

    public static int days(LocalDate startsOn, LocalDate endsOn) {
        return (int) ChronoUnit.DAYS.between(startsOn, endsOn) + 1;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
