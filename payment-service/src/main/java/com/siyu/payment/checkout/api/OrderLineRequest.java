package com.siyu.payment.checkout.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** One shop's amount in a (combined) payment; at most ¥1,000,000 per shop. */
public record OrderLineRequest(@NotNull @Positive Long merchantId, @NotNull @Positive @Max(100_000_000) Long amountFen) {
}
