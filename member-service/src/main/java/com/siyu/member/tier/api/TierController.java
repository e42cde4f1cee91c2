package com.siyu.member.tier.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.member.tier.domain.GrowthEvent;
import com.siyu.member.tier.domain.Tier;
import com.siyu.member.tier.domain.TierLadder;
import com.siyu.member.tier.domain.Tiers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
class TierController {

    private final Tiers tiers;

    TierController(Tiers tiers) {
        this.tiers = tiers;
    }

    @GetMapping("/admin/v1/member/tiers")
    List<Tier> ladder() {
        StaffOnly.require();
        return tiers.ladder().tiers();
    }

    /** Replaces the tenant's tier ladder. */
    @PutMapping("/admin/v1/member/tiers")
    List<Tier> define(@RequestBody @Size(max = 20) List<@Valid TierRequest> ladder) {
        StaffOnly.require("TENANT_ADMIN");
        TierLadder defined = tiers.define(ladder.stream().map(t -> new Tier(t.code(), t.name(), t.minGrowth())).toList());
        return defined.tiers();
    }

    /** payment-service reports a purchase: growth, spend and visit count once per bizId; upgrade at once. */
    @PostMapping("/internal/members/{id}/growth")
    Tiers.GrowthResult growth(@PathVariable long id, @Valid @RequestBody GrowthRequest request) {
        return tiers.record(new GrowthEvent(id, request.bizId(), request.spendFen(), request.storeId(), request.category(), request.occurredAt()));
    }

    /**
     * A refund of a purchase reported elsewhere than the cashier (a counter POS sale) takes back the growth and
     * spend it added, once per refund, on the member the purchase was recorded on (see {@link Tiers#reverse}).
     */
    @PostMapping("/internal/members/growth-reversals")
    Tiers.GrowthResult reverse(@Valid @RequestBody GrowthReversalRequest request) {
        return tiers.reverse(request.purchaseBizId(), request.refundBizId(), request.spendFen(), request.storeId(), request.category(),
                request.occurredAt());
    }

    /** The scheduled downgrade evaluation, callable with an explicit "as of" (jobs, tests, backfills). */
    @PostMapping("/internal/tiers/evaluations")
    Map<String, Object> evaluate(@RequestParam Instant asOf) {
        return Map.of("asOf", asOf, "changed", tiers.evaluate(asOf));
    }
}
