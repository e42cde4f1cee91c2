package com.siyu.guide.roster.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record EnrolGuideRequest(@NotNull @Positive Long storeId,
                                @NotBlank @Size(max = 64) String name,
                                @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland China mobile number") String phone) {
}
