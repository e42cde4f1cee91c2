package com.siyu.guide.handover.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The guide leaves (LEFT) or moves (MOVED); their members go by rule, or to the listed guides when given. */
public record HandoverRequest(@NotNull @Pattern(regexp = "LEFT|MOVED") String status,
                              @Size(max = 200) List<@NotNull @Positive Long> toGuideIds,
                              @Size(max = 200) String reason) {
}
