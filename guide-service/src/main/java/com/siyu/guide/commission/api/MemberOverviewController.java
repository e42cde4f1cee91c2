package com.siyu.guide.commission.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.binding.domain.BindingChange;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.client.References;
import com.siyu.guide.commission.domain.CommissionRepository;
import com.siyu.guide.commission.domain.Commissions;
import com.siyu.guide.roster.domain.GuideScope;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What guide-service knows of a shopper, for the guide who has them (alongside member-service's 360 profile):
 * the binding, its history, the purchases attributed, the commission they brought and the tasks about them. A guide sees only their
 * own members, a store's manager members of the store's guides, admins and operators anyone of the tenant.
 */
@RestController
@Validated
class MemberOverviewController {

    private final Bindings bindings;
    private final Commissions commissions;
    private final References references;
    private final com.siyu.guide.tasks.domain.Tasks tasks;

    MemberOverviewController(Bindings bindings, Commissions commissions, References references, com.siyu.guide.tasks.domain.Tasks tasks) {
        this.bindings = bindings;
        this.commissions = commissions;
        this.references = references;
        this.tasks = tasks;
    }

    /** {@code tasks}: the member's tasks, open first then past (the latest 20). */
    record Overview(long memberId, Long guideId, String guideName, String source, List<BindingChange> history,
                    List<CommissionRepository.Purchase> purchases, Map<String, Long> commissionFen, List<TaskLine> tasks) {
    }

    record TaskLine(long id, String rule, long guideId, String title, String status, java.time.Instant dueAt, java.time.Instant doneAt) {
    }

    @GetMapping("/admin/v1/guide/members/{memberId}/overview")
    Overview overview(@PathVariable @Positive long memberId) {
        Caller staff = StaffOnly.require();
        Optional<Bindings.BoundGuide> bound = bindings.guideOf(memberId);
        boolean tenantWide = staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT");
        if (tenantWide) {
            references.memberFound(memberId);
        } else if (bound.isEmpty() || !GuideScope.sees(staff, bound.get().guide())) {
            throw new DomainException(HttpStatus.NOT_FOUND, "GUIDE_NOT_BOUND", "Member " + memberId + " is not one of your members",
                    Map.of("memberId", memberId));
        }
        return new Overview(memberId, bound.map(b -> b.guide().id()).orElse(null), bound.map(b -> b.guide().name()).orElse(null),
                bound.map(b -> b.binding().source()).orElse(null), bindings.history(memberId, 0, 20), commissions.purchasesOf(memberId, 20),
                commissions.totalsFromMember(memberId), tasks.ofMember(memberId, 20).stream().map(t -> new TaskLine(t.id(), t.rule().name(),
                t.guideId(), t.title(), t.status().name(), t.dueAt(), t.doneAt())).toList());
    }
}
