package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.SegmentRule;
import com.siyu.member.segment.domain.TagKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code rule} (the segment rule model) is required for a RULE tag and refused for a MANUAL one. */
public record DefineTagRequest(@NotBlank @Size(max = 40) String name, @NotNull TagKind kind, SegmentRule rule) {
}
