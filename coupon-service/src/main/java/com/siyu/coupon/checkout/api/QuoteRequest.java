package com.siyu.coupon.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

public record QuoteRequest(@NotNull @Positive Long memberId, @NotNull @Valid CartRequest cart) {
}
