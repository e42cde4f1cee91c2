package com.siyu.guide.binding.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record BindGuideRequest(@NotNull @Positive Long guideId, @Size(max = 200) String reason) {
}
