package com.siyu.points.earning.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** Points for a successful payment; {@code bizId} is the payment number, so a repeated delivery applies once. */
public record EarnRequest(@NotNull @Positive Long memberId,
                          @NotBlank @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId,
                          @NotNull @Positive @Max(100_000_000_000L) Long amountFen,
                          @Positive Long storeId,
                          @Positive Long merchantId,
                          @Size(max = 32) String category,
                          @Size(max = 32) String memberTier,
                          Instant paidAt) {
}
