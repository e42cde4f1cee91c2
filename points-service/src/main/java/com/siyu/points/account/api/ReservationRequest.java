package com.siyu.points.account.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Hold points for payment {@code bizId} until it is confirmed or released. */
public record ReservationRequest(@NotNull @Positive Long memberId,
                                 @NotNull @Positive @Max(10_000_000) Long points,
                                 @NotBlank @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId,
                                 @Positive Long storeId) {
}
