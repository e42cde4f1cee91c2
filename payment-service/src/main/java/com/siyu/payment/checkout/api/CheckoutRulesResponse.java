package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.CheckoutRules;
import com.siyu.payment.checkout.domain.PromotionPolicy;
import java.util.List;

/** The rules the tenant's cashier applies now; {@code source}: TENANT (its own) or DEFAULT. */
public record CheckoutRulesResponse(String source, PromotionPolicy.Combo combo, List<PromotionPolicy.Tier> tiers, int tierMerchantSharePercent,
                                    int pointsMaxSharePercent, int redeemPointsPerYuan) {

    static CheckoutRulesResponse of(CheckoutRules.Rules r) {
        return new CheckoutRulesResponse(r.own() ? "TENANT" : "DEFAULT", r.promotions().combo(), r.promotions().tiers(),
                r.promotions().tierMerchantSharePercent(), r.points().maxSharePercent(), r.points().redeemPointsPerYuan());
    }
}
