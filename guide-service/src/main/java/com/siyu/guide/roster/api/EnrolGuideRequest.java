package com.siyu.guide.roster.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** A staff account with the GUIDE role becomes a guide of a store (and optionally one of its counters). */
public record EnrolGuideRequest(@NotNull @Positive Long staffId,
                                @NotNull @Positive Long storeId,
                                @Positive Long merchantId,
                                @NotBlank @Size(max = 64) String name,
                                @NotBlank @Pattern(regexp = "1[3-9]\\d{9}", message = "must be a mainland China mobile number") String phone,
                                @Pattern(regexp = "[A-Za-z0-9@._-]{1,64}", message = "must be a WeCom userid (letters, digits, @ . _ -, up to 64)")
                                String wecomUserId,
                                @Min(1) @Max(20) Integer level) {
}
