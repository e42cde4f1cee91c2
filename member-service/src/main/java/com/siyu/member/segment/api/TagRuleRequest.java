package com.siyu.member.segment.api;

import com.siyu.member.segment.domain.SegmentRule;
import jakarta.validation.constraints.NotNull;

public record TagRuleRequest(@NotNull SegmentRule rule) {
}
