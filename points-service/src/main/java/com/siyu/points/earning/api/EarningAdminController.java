package com.siyu.points.earning.api;

import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.points.earning.domain.EarnRule;
import com.siyu.points.earning.domain.PointsPolicy;
import com.siyu.points.earning.domain.PolicyRepository;
import jakarta.validation.Valid;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A tenant's points policy and earn rules, kept by its operators. */
@RestController
@RequestMapping("/admin/v1/points")
class EarningAdminController {

    private static final String[] EDITORS = {"TENANT_ADMIN", "OPERATOR"};

    private final PolicyRepository policies;
    private final com.siyu.points.client.References references;

    EarningAdminController(PolicyRepository policies, com.siyu.points.client.References references) {
        this.policies = policies;
        this.references = references;
    }

    @GetMapping("/policy")
    PointsPolicy policy() {
        StaffOnly.require();
        return policies.policy().orElse(PointsPolicy.DEFAULT);
    }

    @PutMapping("/policy")
    PointsPolicy savePolicy(@Valid @RequestBody PolicyRequest request) {
        StaffOnly.require(EDITORS);
        references.store("parkingStoreId", request.parkingStoreId());
        PointsPolicy policy = valid(() -> new PointsPolicy(request.redeemPointsPerYuan(), request.expiryMonths(), request.reminderDays(),
                request.dailyEarnCap(), PointsPolicy.RefundShortfall.valueOf(request.refundShortfall()), request.parkingPointsPerHour(),
                request.parkingStoreId()));
        policies.save(policy);
        return policy;
    }

    @GetMapping("/earn-rules")
    List<EarnRule> rules() {
        StaffOnly.require();
        return policies.rules();
    }

    @PostMapping("/earn-rules")
    @ResponseStatus(HttpStatus.CREATED)
    EarnRule addRule(@Valid @RequestBody EarnRuleRequest r) {
        StaffOnly.require(EDITORS);
        references.store("storeId", r.storeId());
        references.merchant("merchantId", r.merchantId());
        return policies.add(valid(() -> new EarnRule(null, EarnRule.Kind.valueOf(r.kind()), r.name(), r.storeId(), r.merchantId(),
                r.category(), r.tier(), r.rateMilli(), r.multiplierPct(), r.startsAt(), r.endsAt())));
    }

    @DeleteMapping("/earn-rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeRule(@PathVariable long id) {
        StaffOnly.require(EDITORS);
        if (!policies.remove(id)) {
            throw DomainException.notFound("Earn rule", id);
        }
    }

    private static <T> T valid(Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", e.getMessage());
        }
    }
}
