package com.siyu.guide.binding.api;

import com.siyu.guide.binding.domain.BindingRule;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record BindingRuleRequest(@NotNull BindingRule.Mode mode, @NotNull @Min(0) @Max(365) Integer protectionDays,
                                 @NotNull Boolean operatorOverrides) {
}
