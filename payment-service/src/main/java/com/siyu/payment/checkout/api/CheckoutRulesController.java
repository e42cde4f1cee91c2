package com.siyu.payment.checkout.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.payment.checkout.domain.CheckoutRules;
import com.siyu.payment.checkout.domain.PromotionPolicy;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Operators set their mall's promotions and points share; quotes and payments use them at once. */
@RestController
class CheckoutRulesController {

    private final CheckoutRules rules;

    CheckoutRulesController(CheckoutRules rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/v1/payment/checkout-rules")
    CheckoutRulesResponse current() {
        StaffOnly.require();
        return CheckoutRulesResponse.of(rules.current());
    }

    @PutMapping("/admin/v1/payment/checkout-rules")
    CheckoutRulesResponse set(@Valid @RequestBody CheckoutRulesRequest r) {
        Caller staff = StaffOnly.require("OPERATOR", "TENANT_ADMIN");
        PromotionPolicy promotions;
        try {
            PromotionPolicy.Combo combo = r.combo() == null ? null : new PromotionPolicy.Combo(r.combo().minOrders(), r.combo().thresholdFen(),
                    r.combo().percent(), r.combo().perOrderCapFen(), r.combo().perPaymentCapFen(), r.combo().merchantSharePercent());
            promotions = new PromotionPolicy(combo, r.tiers().stream().map(t -> new PromotionPolicy.Tier(t.thresholdFen(), t.offFen())).toList(),
                    r.tierMerchantSharePercent());
        } catch (IllegalArgumentException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "CHECKOUT_RULES_INVALID", e.getMessage());
        }
        if (promotions.tiers().stream().map(PromotionPolicy.Tier::thresholdFen).distinct().count() != promotions.tiers().size()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "CHECKOUT_RULES_INVALID", "two 满减 tiers have the same threshold");
        }
        return CheckoutRulesResponse.of(rules.set(promotions, r.pointsMaxSharePercent(), staff.staffId()));
    }

    /** The tenant goes back to the deployment's defaults. */
    @DeleteMapping("/admin/v1/payment/checkout-rules")
    CheckoutRulesResponse reset() {
        StaffOnly.require("OPERATOR", "TENANT_ADMIN");
        return CheckoutRulesResponse.of(rules.reset());
    }
}
