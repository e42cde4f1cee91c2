package com.siyu.member.segment.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Puts a MANUAL tag (created if new) on a member. */
public record MemberTagRequest(@NotBlank @Size(max = 40) String name) {
}
