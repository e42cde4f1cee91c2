package com.siyu.payment.voucher.api;

import com.siyu.payment.checkout.api.PayRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/** Buy {@code quantity} group-buy vouchers or blind boxes of a template ({@code attribution}: as in {@link PayRequest}). */
public record VoucherPurchaseRequest(@NotNull @Positive Long templateId,
                                     @NotNull @Positive @Max(10) Integer quantity,
                                     @Pattern(regexp = "[A-Za-z0-9_-]{1,128}") String payerOpenid,
                                     @Pattern(regexp = PayRequest.ATTRIBUTION, message = "must be a guide share-link token") String attribution) {
}
