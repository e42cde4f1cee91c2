package com.siyu.payment.pointspay.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

public record PayWithPointsRequest(@NotNull @Positive Long memberId,
                                   @Positive Long storeId,
                                   @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be 1-64 letters, digits, '_' or '-'") String merchantOrderNo,
                                   @NotNull @Positive @Max(10_000_000) Long points) {
}
