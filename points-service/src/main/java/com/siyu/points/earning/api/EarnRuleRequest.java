package com.siyu.points.earning.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

public record EarnRuleRequest(@NotNull String kind,
                              @NotBlank @Size(max = 100) String name,
                              @Positive Long storeId,
                              @Positive Long merchantId,
                              @Size(max = 32) String category,
                              @Size(max = 32) String tier,
                              Integer rateMilli,
                              Integer multiplierPct,
                              Instant startsAt,
                              Instant endsAt) {
}
