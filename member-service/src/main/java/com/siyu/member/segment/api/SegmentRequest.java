package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.SegmentRule;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SegmentRequest(@NotBlank @Size(max = 64) String name, @NotNull SegmentRule rule) {
}
