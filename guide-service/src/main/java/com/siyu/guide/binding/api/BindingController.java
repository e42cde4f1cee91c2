package com.siyu.guide.binding.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.guide.binding.domain.BindingRule;
import com.siyu.guide.binding.domain.Bindings;
import com.siyu.guide.client.References;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.GuideScope;
import com.siyu.guide.roster.domain.Roster;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff assign a member to an exclusive guide and read a member's guide and binding history (a guide only for
 * their own members, a store's manager for the store's guides); the tenant admin sets the binding rule; other
 * services (member-service's 360 profile) read the binding.
 */
@RestController
@Validated
class BindingController {

    private final Bindings bindings;
    private final Roster roster;
    private final References references;

    BindingController(Bindings bindings, Roster roster, References references) {
        this.bindings = bindings;
        this.roster = roster;
        this.references = references;
    }

    @PutMapping("/admin/v1/guide/members/{memberId}/guide")
    MemberGuideResponse bind(@PathVariable @Positive long memberId, @Valid @RequestBody BindGuideRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "MANAGER", "OPERATOR");
        // binding another tenant's (or no) member would give this tenant's guide a customer it cannot see
        references.memberFound(memberId);
        Guide guide = roster.get(request.guideId());
        if (!GuideScope.sees(staff, guide)) {
            throw DomainException.notFound("Guide", request.guideId());
        }
        bindings.guideOf(memberId).filter(current -> !GuideScope.sees(staff, current.guide())).ifPresent(current -> {
            throw new DomainException(org.springframework.http.HttpStatus.FORBIDDEN, "OTHER_STORE",
                    "Member " + memberId + " is bound to a guide of another store");
        });
        return MemberGuideResponse.of(bindings.assign(memberId, request.guideId(), staff.staffId(), request.reason()));
    }

    @GetMapping("/admin/v1/guide/members/{memberId}/guide")
    MemberGuideResponse guideOfStaff(@PathVariable @Positive long memberId) {
        Caller staff = StaffOnly.require();
        return MemberGuideResponse.of(visible(staff, memberId));
    }

    @GetMapping("/admin/v1/guide/members/{memberId}/binding-history")
    List<BindingChangeResponse> history(@PathVariable @Positive long memberId, @RequestParam(defaultValue = "0") @Min(0) long before,
                                        @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        Caller staff = StaffOnly.require();
        if (!staff.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT")) {
            // a guide or a store's manager reads the history of members bound in their reach today
            visible(staff, memberId);
        } else {
            references.memberFound(memberId);
        }
        return bindings.history(memberId, before, limit).stream().map(BindingChangeResponse::of).toList();
    }

    @GetMapping("/admin/v1/guide/binding-rules")
    BindingRule rule() {
        StaffOnly.require();
        return bindings.rule();
    }

    @PutMapping("/admin/v1/guide/binding-rules")
    BindingRule setRule(@Valid @RequestBody BindingRuleRequest request) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return bindings.setRule(new BindingRule(request.mode(), request.protectionDays(), request.operatorOverrides()));
    }

    /** 404 GUIDE_NOT_BOUND when the member has no guide. */
    @GetMapping("/internal/guide/members/{memberId}/guide")
    MemberGuideResponse guideOf(@PathVariable @Positive long memberId) {
        return MemberGuideResponse.of(bindings.requireGuideOf(memberId));
    }

    /** The member's binding when the caller may see its guide; 404 GUIDE_NOT_BOUND otherwise (nothing told about others' members). */
    private Bindings.BoundGuide visible(Caller staff, long memberId) {
        Bindings.BoundGuide bound = bindings.requireGuideOf(memberId);
        if (!GuideScope.sees(staff, bound.guide())) {
            throw new DomainException(org.springframework.http.HttpStatus.NOT_FOUND, "GUIDE_NOT_BOUND", "Member " + memberId + " has no guide",
                    java.util.Map.of("memberId", memberId));
        }
        return bound;
    }
}
