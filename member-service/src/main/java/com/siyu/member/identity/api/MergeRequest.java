package com.siyu.member.identity.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record MergeRequest(@NotNull @Positive Long survivorId, @NotNull @Positive Long mergedId, @NotBlank @Size(max = 200) String reason) {
}
