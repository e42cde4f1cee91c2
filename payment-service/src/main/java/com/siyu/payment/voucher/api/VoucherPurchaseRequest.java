package com.siyu.payment.voucher.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Buy {@code quantity} group-buy vouchers or blind boxes of a template. */
public record VoucherPurchaseRequest(@NotNull @Positive Long templateId,
                                     @NotNull @Positive @Max(10) Integer quantity,
                                     @Pattern(regexp = "[A-Za-z0-9_-]{1,128}") String payerOpenid) {
}
