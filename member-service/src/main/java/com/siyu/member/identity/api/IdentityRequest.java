package com.siyu.member.identity.api;

import com.siyu.member.identity.domain.IdentityKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code scope}: the app id / corp id / channel for scoped kinds; {@code attributes}: e.g. a card level. */
public record IdentityRequest(@NotNull IdentityKind kind, @Size(max = 64) String scope, @NotBlank @Size(max = 128) String value,
                              @Size(max = 255) String attributes) {
}
