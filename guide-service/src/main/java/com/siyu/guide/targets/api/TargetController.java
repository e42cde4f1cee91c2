package com.siyu.guide.targets.api;

import com.siyu.common.context.Caller;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.client.References;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import com.siyu.guide.targets.domain.Metric;
import com.siyu.guide.targets.domain.Target;
import com.siyu.guide.targets.domain.TargetPlan;
import com.siyu.guide.targets.domain.Targets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Campaign targets: admins and operators plan them; progress against plan at every level, for the whole tenant
 * (admins, operators), a manager's own store and its guides, or a guide's own line.
 */
@RestController
@Validated
class TargetController {

    private final Targets targets;
    private final Roster roster;
    private final References references;

    TargetController(Targets targets, Roster roster, References references) {
        this.targets = targets;
        this.roster = roster;
        this.references = references;
    }

    record GuideRequest(@NotNull @Positive Long guideId, @PositiveOrZero @Max(1_000_000) Long weight) {
    }

    /** {@code guides} left out: the store's active guides, evenly. */
    record StoreRequest(@NotNull @Positive Long storeId, @PositiveOrZero @Max(1_000_000) Long weight,
                        @Size(max = 500) List<@Valid @NotNull GuideRequest> guides) {
    }

    record DepartmentRequest(@NotBlank @Size(max = 60) String name, @PositiveOrZero @Max(1_000_000) Long weight,
                             @NotEmpty @Size(max = 200) List<@Valid @NotNull StoreRequest> stores) {
    }

    /** {@code goal}: members for NEW_BINDINGS, fen for ATTRIBUTED_SALES; {@code dayWeights}: Monday..Sunday (default all 1). */
    record TargetRequest(@NotBlank @Size(max = 60) String name, @NotNull Metric metric, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                         @NotNull @Positive @Max(1_000_000_000_000L) Long goal,
                         @Size(min = 7, max = 7) List<@NotNull @PositiveOrZero @Max(1_000) Long> dayWeights,
                         @NotEmpty @Size(max = 50) List<@Valid @NotNull DepartmentRequest> departments) {
    }

    record NodeResponse(int position, int parent, Target.Level level, Long refId, String name, long weight, long goal, Long actual,
                        List<TargetPlan.Bucket> buckets) {
    }

    record TargetResponse(long id, String name, Metric metric, LocalDate startsOn, LocalDate endsOn, long goal, long[] dayWeights,
                          Instant createdAt, List<NodeResponse> nodes) {
        static TargetResponse of(Target t, List<NodeResponse> nodes) {
            return new TargetResponse(t.id(), t.name(), t.metric(), t.startsOn(), t.endsOn(), t.goal(), t.dayWeights(), t.createdAt(), nodes);
        }
    }

    @PostMapping("/admin/v1/guide/targets")
    ResponseEntity<TargetResponse> plan(@Valid @RequestBody TargetRequest r) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        for (int d = 0; d < r.departments().size(); d++) {
            for (int s = 0; s < r.departments().get(d).stores().size(); s++) {
                references.store("departments[" + d + "].stores[" + s + "].storeId", r.departments().get(d).stores().get(s).storeId());
            }
        }
        Target target = targets.plan(new Targets.NewTarget(r.name().strip(), r.metric(), r.startsOn(), r.endsOn(), r.goal(),
                r.dayWeights() == null ? null : r.dayWeights().stream().mapToLong(Long::longValue).toArray(),
                r.departments().stream().map(d -> new Targets.DepartmentPlan(d.name().strip(), d.weight(), d.stores().stream()
                        .map(s -> new Targets.StorePlan(s.storeId(), s.weight(), s.guides() == null ? null : s.guides().stream()
                                .map(g -> new Targets.GuidePlan(g.guideId(), g.weight())).toList()))
                        .toList())).toList()), staff.staffId());
        return ResponseEntity.created(URI.create("/admin/v1/guide/targets/" + target.id())).body(TargetResponse.of(target, target.nodes().stream()
                .map(n -> new NodeResponse(n.index(), n.parent(), n.level(), n.refId(), n.name(), n.weight(), n.goal(), null, null)).toList()));
    }

    @GetMapping("/admin/v1/guide/targets")
    List<TargetResponse> list(@RequestParam(defaultValue = "" + Long.MAX_VALUE) @Min(1) long before,
                              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        StaffOnly.require();
        return targets.list(before, limit).stream().map(t -> TargetResponse.of(t, List.of())).toList();
    }

    /** Goal and actual of every node the caller may see, in buckets of {@code granularity} (the mall's days, ISO weeks or months). */
    @GetMapping("/admin/v1/guide/targets/{id}")
    TargetResponse progress(@PathVariable long id, @RequestParam(defaultValue = "MONTH") TargetPlan.Granularity granularity) {
        Caller staff = StaffOnly.require();
        Target target = targets.get(id);
        Set<Integer> visible = visible(staff, target);
        List<NodeResponse> nodes = targets.progress(target, granularity).stream().filter(p -> visible.contains(p.node().index()))
                .map(p -> new NodeResponse(p.node().index(), p.node().parent(), p.node().level(), p.node().refId(), p.node().name(), p.node().weight(),
                        p.node().goal(), p.actual(), p.buckets()))
                .toList();
        return TargetResponse.of(target, nodes);
    }

    /** Admins, operators and service agents: every node; a manager placed at a store: that store's node and its guides'; a guide: their own. */
    private Set<Integer> visible(Caller staff, Target target) {
        Set<Integer> visible = new HashSet<>();
        if (staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT") || staff.hasAnyRole("MANAGER") && staff.storeId() == null) {
            target.nodes().forEach(n -> visible.add(n.index()));
            return visible;
        }
        if (staff.hasAnyRole("MANAGER")) {
            for (Target.Node n : target.nodes()) {
                if (n.level() == Target.Level.STORE && n.refId().equals(staff.storeId())) {
                    visible.add(n.index());
                    target.children(n.index()).forEach(c -> visible.add(c.index()));
                }
            }
            return visible;
        }
        Long guideId = roster.findOfStaff(staff.staffId()).map(Guide::id).orElse(null);
        target.nodes().stream().filter(n -> n.level() == Target.Level.GUIDE && n.refId().equals(guideId)).forEach(n -> visible.add(n.index()));
        return visible;
    }
}
