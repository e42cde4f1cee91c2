package com.siyu.guide.binding.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

public record BindGuideRequest(@NotNull @Positive Long guideId) {
}
