package com.siyu.points.refund.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A refund's points: {@code returnPoints} of payment {@code paymentBizId}'s spent points go back;
 * {@code refundFen} of shop order {@code earnBizId} is refunded (its earned points reversed in proportion).
 * {@code bizId} is the refund's number: each part is applied once.
 */
public record RefundRequest(@NotNull @Positive Long memberId,
                            @NotBlank @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String bizId,
                            @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String paymentBizId,
                            @NotNull @PositiveOrZero @Max(100_000_000_000L) Long returnPoints,
                            @Pattern(regexp = "[A-Za-z0-9_:.\\-]{1,64}") String earnBizId,
                            @NotNull @PositiveOrZero @Max(100_000_000_000L) Long refundFen) {

    @AssertTrue(message = "returnPoints needs paymentBizId, refundFen needs earnBizId")
    boolean isComplete() {
        return (returnPoints == null || returnPoints == 0 || paymentBizId != null) && (refundFen == null || refundFen == 0 || earnBizId != null);
    }
}
