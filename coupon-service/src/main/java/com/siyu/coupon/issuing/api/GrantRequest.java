package com.siyu.coupon.issuing.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** An operator grants one coupon to one member. */
public record GrantRequest(@NotNull @Positive Long templateId, @NotNull @Positive Long memberId, @Size(max = 200) String reason) {
}
