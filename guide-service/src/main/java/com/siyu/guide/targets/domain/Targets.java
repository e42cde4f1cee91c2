package com.siyu.guide.targets.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.client.StoreClient;
import com.siyu.guide.client.TenantZones;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideStatus;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Campaign targets (指标分解): planned once, split down to guides; progress read from the ledgers in the mall's calendar. */
@Service
public class Targets {

    static final int MAX_DAYS = 366;

    private final TargetRepository targets;
    private final Roster roster;
    private final StoreClient stores;
    private final TenantZones zones;
    private final Clock clock;

    public Targets(TargetRepository targets, Roster roster, StoreClient stores, TenantZones zones, Clock clock) {
        this.targets = targets;
        this.roster = roster;
        this.stores = stores;
        this.zones = zones;
        this.clock = clock;
    }

    public record GuidePlan(long guideId, Long weight) {
    }

    /** {@code guides} null or empty: the store's active guides, evenly. */
    public record StorePlan(long storeId, Long weight, List<GuidePlan> guides) {
    }

    public record DepartmentPlan(String name, Long weight, List<StorePlan> stores) {
    }

    public record NewTarget(String name, Metric metric, LocalDate startsOn, LocalDate endsOn, long goal, long[] dayWeights,
                            List<DepartmentPlan> departments) {
    }

    public Target plan(NewTarget t, Long staffId) {
        if (t.endsOn().isBefore(t.startsOn()) || TargetPlan.days(t.startsOn(), t.endsOn()) > MAX_DAYS) {
            throw invalid("endsOn must be on or after startsOn, at most " + MAX_DAYS + " days later");
        }
        long[] dayWeights = t.dayWeights() == null ? new long[] {1, 1, 1, 1, 1, 1, 1} : t.dayWeights();
        boolean someDayCounts = false;
        for (LocalDate day = t.startsOn(); !day.isAfter(t.endsOn()); day = day.plusDays(1)) {
            someDayCounts |= dayWeights[day.getDayOfWeek().getValue() - 1] > 0;
        }
        if (!someDayCounts) {
            throw invalid("dayWeights give every day of the target zero weight");
        }
        Set<Long> storesSeen = new HashSet<>();
        Set<Long> guides = new HashSet<>();
        List<TargetPlan.DepartmentShare> departments = new ArrayList<>();
        for (DepartmentPlan department : t.departments()) {
            List<TargetPlan.StoreShare> shares = new ArrayList<>();
            for (StorePlan store : department.stores()) {
                if (!storesSeen.add(store.storeId())) {
                    throw invalid("Store " + store.storeId() + " is named twice");
                }
                // the store is the tenant's (member-service answers 404 otherwise) and lends its name to the node
                String storeName = stores.store(store.storeId()).name();
                storeName = storeName.length() > 60 ? storeName.substring(0, 60) : storeName;
                shares.add(new TargetPlan.StoreShare(store.storeId(), storeName, weight(store.weight()), guidesOf(store, guides)));
            }
            positive(shares.stream().mapToLong(TargetPlan.StoreShare::weight).toArray(), "the stores of department " + department.name());
            departments.add(new TargetPlan.DepartmentShare(department.name(), weight(department.weight()), shares));
        }
        positive(departments.stream().mapToLong(TargetPlan.DepartmentShare::weight).toArray(), "the departments");
        List<Target.Node> nodes = TargetPlan.split(t.name(), t.goal(), departments);
        long id = targets.create(t.name(), t.metric(), t.startsOn(), t.endsOn(), t.goal(), dayWeights, staffId, clock.instant(), nodes);
        return get(id);
    }

    private List<TargetPlan.GuideShare> guidesOf(StorePlan store, Set<Long> seen) {
        List<TargetPlan.GuideShare> shares = new ArrayList<>();
        if (store.guides() == null || store.guides().isEmpty()) {
            for (Guide guide : roster.list(store.storeId())) {
                if (guide.status() == GuideStatus.ACTIVE && seen.add(guide.id())) {
                    shares.add(new TargetPlan.GuideShare(guide.id(), guide.name(), 1));
                }
            }
            if (shares.isEmpty()) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "STORE_HAS_NO_GUIDES",
                        "Store " + store.storeId() + " has no active guide of this mall to carry its share of the target");
            }
            return shares;
        }
        for (GuidePlan plan : store.guides()) {
            Guide guide = roster.find(plan.guideId()).orElseThrow(() -> new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_GUIDE",
                    "Guide " + plan.guideId() + " is not a guide of this mall"));
            if (guide.storeId() != store.storeId() || guide.status() != GuideStatus.ACTIVE) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "GUIDE_NOT_IN_STORE",
                        "Guide " + plan.guideId() + " is not an active guide of store " + store.storeId());
            }
            if (!seen.add(guide.id())) {
                throw invalid("Guide " + guide.id() + " is named twice");
            }
            shares.add(new TargetPlan.GuideShare(guide.id(), guide.name(), weight(plan.weight())));
        }
        positive(shares.stream().mapToLong(TargetPlan.GuideShare::weight).toArray(), "the guides of store " + store.storeId());
        return shares;
    }

    public Target get(long id) {
        return targets.find(id).orElseThrow(() -> DomainException.notFound("Target", id));
    }

    public List<Target> list(long beforeId, int limit) {
        return targets.list(beforeId, limit);
    }

    /** Every node's goal and actual, in buckets of the granularity; the actuals from the ledgers, days in the mall's zone. */
    public List<TargetPlan.NodeProgress> progress(Target target, TargetPlan.Granularity granularity) {
        ZoneId zone = zones.zone();
        List<java.time.Instant> dayStarts = new ArrayList<>();
        for (LocalDate day = target.startsOn(); !day.isAfter(target.endsOn().plusDays(1)); day = day.plusDays(1)) {
            dayStarts.add(day.atStartOfDay(zone).toInstant());
        }
        List<Long> guideIds = target.nodes().stream().filter(n -> n.level() == Target.Level.GUIDE).map(Target.Node::refId).toList();
        Map<Long, long[]> actuals = targets.actuals(target.metric(), guideIds, dayStarts);
        return TargetPlan.progress(target, actuals, granularity);
    }

    private static long weight(Long weight) {
        return weight == null ? 1 : weight;
    }

    private static void positive(long[] weights, String what) {
        if (Arrays.stream(weights).sum() <= 0) {
            throw invalid("The weights of " + what + " must not all be zero");
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail);
    }
}
