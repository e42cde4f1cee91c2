package com.siyu.points.account.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An operator's manual credit (positive) or debit (negative), always with a reason. */
public record AdjustmentRequest(@NotNull @Positive Long memberId,
                                @NotNull @Min(-10_000_000) @Max(10_000_000) Long points,
                                @NotBlank @Size(max = 200) String reason,
                                @Positive Long storeId) {
}
