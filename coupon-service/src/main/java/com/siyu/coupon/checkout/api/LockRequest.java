package com.siyu.coupon.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Lock the coupons the member chose for this cart; the discount is computed here, not taken from the caller. */
public record LockRequest(@NotNull @Positive Long memberId, @NotEmpty @Size(max = 20) List<@NotNull @Positive Long> couponIds,
                          @NotNull @Valid CartRequest cart) {
}
