package com.siyu.coupon.issuing.api;

import com.siyu.coupon.wallet.domain.IssueSource;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * A grant by another service: payment-service (PAYMENT_REWARD after payment, PURCHASE of a group-buy
 * voucher or blind box: key = payment id), touchpoint-service (CAMPAIGN: key = campaign id + member),
 * guide-service (FRIEND_ADD: key = the guide's WeCom contact id). The same key never issues twice.
 */
public record InternalGrantRequest(@NotNull @Positive Long templateId, @NotNull @Positive Long memberId,
                                   @NotNull IssueSource source,
                                   @NotBlank @Pattern(regexp = "[A-Za-z0-9._:@\\-]{1,120}") String key) {
}
