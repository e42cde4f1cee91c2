package com.siyu.points.earning.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** A refund of {@code refundFen} of payment {@code earnBizId}; {@code bizId} is the refund's number (applied once). */
public record ReversalRequest(@NotNull @Positive Long memberId,
                              @NotBlank @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId,
                              @NotBlank @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String earnBizId,
                              @NotNull @Positive @Max(100_000_000_000L) Long refundFen) {
}
