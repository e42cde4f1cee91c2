package com.siyu.points.account.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A spend that belongs to a payment: {@code bizId} is the payment's id, so a retried spend applies once. */
public record SpendRequest(@NotNull @Positive Long memberId,
                           @NotNull @Positive @Max(10_000_000) Long points,
                           @NotBlank @Size(max = 64) String bizId,
                           @Positive Long storeId) {
}
