package com.siyu.points.earning.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

public record PolicyRequest(@NotNull @Positive @Max(100_000) Integer redeemPointsPerYuan,
                            @Min(1) @Max(120) Integer expiryMonths,
                            @NotNull @Min(0) @Max(30) Integer reminderDays,
                            @Positive Long dailyEarnCap,
                            @NotNull String refundShortfall,
                            @Positive @Max(100_000) Long parkingPointsPerHour,
                            @Positive Long parkingStoreId) {
}
