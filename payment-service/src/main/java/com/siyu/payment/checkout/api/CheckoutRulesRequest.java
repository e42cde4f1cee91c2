package com.siyu.payment.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A tenant's checkout rules: 连单 ({@code combo}, null = none), 满减 tiers, who funds the tiers, and the most
 * of a payment points may pay. The points redeem rate is the tenant's points policy (points-service).
 */
public record CheckoutRulesRequest(@Valid Combo combo,
                                   @NotNull @Size(max = 10) List<@Valid @NotNull Tier> tiers,
                                   @NotNull @Min(0) @Max(100) Integer tierMerchantSharePercent,
                                   @NotNull @Min(0) @Max(100) Integer pointsMaxSharePercent) {

    public record Combo(@NotNull @Min(2) @Max(20) Integer minOrders,
                        @NotNull @Positive Long thresholdFen,
                        @NotNull @Min(1) @Max(99) Integer percent,
                        @NotNull @Positive Long perOrderCapFen,
                        @NotNull @Positive Long perPaymentCapFen,
                        @NotNull @Min(0) @Max(100) Integer merchantSharePercent) {
    }

    public record Tier(@NotNull @Positive Long thresholdFen, @NotNull @Positive Long offFen) {
    }
}
