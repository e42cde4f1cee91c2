package com.siyu.payment.refund.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A refund of one shop order of the payment. {@code amountFen}: the price of what the shopper returns,
 * before discounts (part of the order's gross); omitted = everything of the order not refunded yet.
 */
public record RefundRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9\\-]{1,40}") String orderNo,
                            @Positive @Max(100_000_000_000L) Long amountFen,
                            @NotBlank @Size(max = 80) String reason) {
}
