package com.siyu.guide.binding.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.guide.binding.domain.Bindings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff bind a member to an exclusive guide; other services (member-service's 360 profile) read it. */
@RestController
@Validated
class BindingController {

    private final Bindings bindings;
    private final com.siyu.guide.client.References references;

    BindingController(Bindings bindings, com.siyu.guide.client.References references) {
        this.bindings = bindings;
        this.references = references;
    }

    @PutMapping("/admin/v1/guide/members/{memberId}/guide")
    MemberGuideResponse bind(@PathVariable @Positive long memberId, @Valid @RequestBody BindGuideRequest request) {
        StaffOnly.require("TENANT_ADMIN", "MANAGER", "OPERATOR");
        // binding another tenant's (or no) member would give this tenant's guide a customer it cannot see
        references.memberFound(memberId);
        return MemberGuideResponse.of(bindings.bind(memberId, request.guideId()));
    }

    @GetMapping("/admin/v1/guide/members/{memberId}/guide")
    MemberGuideResponse guideOfStaff(@PathVariable @Positive long memberId) {
        StaffOnly.require();
        return MemberGuideResponse.of(bindings.requireGuideOf(memberId));
    }

    /** 404 GUIDE_NOT_BOUND when the member has no guide. */
    @GetMapping("/internal/guide/members/{memberId}/guide")
    MemberGuideResponse guideOf(@PathVariable @Positive long memberId) {
        return MemberGuideResponse.of(bindings.requireGuideOf(memberId));
    }
}
