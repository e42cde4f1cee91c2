package com.siyu.coupon.checkout.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Which of the payment's coupons a (partial) refund gives back; null = all of them. */
record RestoreRequest(@Size(max = 20) List<@NotNull @Positive Long> couponIds) {
}
