package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.BlindBoxPrize;
import com.siyu.coupon.template.domain.CouponType;
import com.siyu.coupon.template.domain.RefundPolicy;
import com.siyu.coupon.template.domain.Scope;
import com.siyu.coupon.template.domain.Stacking;
import com.siyu.coupon.template.domain.TemplateRules;
import com.siyu.coupon.template.domain.UsableWindow;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A new template. Beyond the face value and stock everything is optional: no scope means the whole
 * tenant, no window means any time, no stacking types means the coupon is used alone (with points).
 */
public record CreateTemplateRequest(@NotBlank @Size(max = 100) String name,
                                    @NotNull CouponType type,
                                    @Positive Long valueFen,
                                    @Positive Long thresholdFen,
                                    Integer discountPercent,
                                    @Positive Long maxDiscountFen,
                                    @NotNull @Positive @Max(100_000_000) Integer totalStock,
                                    @NotNull @Positive @Max(1000) Integer perMemberLimit,
                                    @NotNull Instant validFrom,
                                    @NotNull Instant validTo,
                                    @Size(max = 100) String itemName,
                                    @Positive Long priceFen,
                                    @Positive Long minSpendFen,
                                    @Positive @Max(1000) Integer perMemberDailyLimit,
                                    @Positive @Max(3660) Integer validDays,
                                    LocalTime usableFrom,
                                    LocalTime usableTo,
                                    @Size(max = 7) Set<@Min(1) @Max(7) Integer> usableWeekdays,
                                    @Size(max = 200) Set<@Positive Long> storeIds,
                                    @Size(max = 200) Set<@Positive Long> merchantIds,
                                    @Size(max = 100) Set<@NotBlank @Size(max = 40) String> categories,
                                    @Size(max = 200) Set<@Positive Long> excludedMerchantIds,
                                    @Size(max = 100) Set<@NotBlank @Size(max = 40) String> excludedCategories,
                                    Boolean stacksWithPoints,
                                    Set<CouponType> stacksWithTypes,
                                    @Min(0) @Max(100) Integer merchantSharePercent,
                                    RefundPolicy refundPolicy,
                                    @Positive @Max(1_000_000) Integer geoRadiusMeters,
                                    @Size(max = 64) String wxCardId,
                                    @Size(max = 50) List<@Valid @NotNull PrizeRequest> prizes) {

    public record PrizeRequest(@NotBlank @Size(max = 100) String name, @NotNull @Positive Integer weight,
                               @NotNull @Positive @Max(100_000_000) Integer stock) {
    }

    TemplateRules rules() {
        Set<DayOfWeek> weekdays = usableWeekdays == null ? Set.of()
                : usableWeekdays.stream().map(DayOfWeek::of).collect(Collectors.toSet());
        return new TemplateRules(itemName, priceFen, minSpendFen, perMemberDailyLimit, validDays,
                new UsableWindow(minute(usableFrom), minute(usableTo), weekdays),
                new Scope(storeIds, merchantIds, categories, excludedMerchantIds, excludedCategories),
                new Stacking(stacksWithPoints == null || stacksWithPoints, stacksWithTypes),
                merchantSharePercent == null ? 0 : merchantSharePercent, refundPolicy, geoRadiusMeters, wxCardId,
                prizes == null ? List.of() : prizes.stream().map(p -> new BlindBoxPrize(null, p.name(), p.weight(), p.stock(), 0)).toList());
    }

    private static Integer minute(LocalTime time) {
        return time == null ? null : time.getHour() * 60 + time.getMinute();
    }
}
