package com.siyu.coupon.template.api;

import com.siyu.coupon.template.domain.CouponType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record CreateTemplateRequest(@NotBlank @Size(max = 100) String name,
                                    @NotNull CouponType type,
                                    @Positive Long valueFen,
                                    @Positive Long thresholdFen,
                                    Integer discountPercent,
                                    @Positive Long maxDiscountFen,
                                    @NotNull @Positive @Max(100_000_000) Integer totalStock,
                                    @NotNull @Positive @Max(1000) Integer perMemberLimit,
                                    @NotNull Instant validFrom,
                                    @NotNull Instant validTo) {
}
