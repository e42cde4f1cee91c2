package com.siyu.member.tier.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record TierRequest(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 64) String name, @NotNull @Min(0) Long minGrowth) {
}
