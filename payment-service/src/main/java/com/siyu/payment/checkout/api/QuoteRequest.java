package com.siyu.payment.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** {@code points}: omitted = as many as this payment allows, 0 = none. */
public record QuoteRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull OrderLineRequest> orders,
                           @PositiveOrZero @Max(10_000_000) Long points) {
}
