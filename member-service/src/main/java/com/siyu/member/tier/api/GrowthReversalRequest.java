package com.siyu.member.tier.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A refund of purchase {@code purchaseBizId} (the growth's own business id) of {@code spendFen}, once per {@code refundBizId}. */
public record GrowthReversalRequest(@NotBlank @Size(max = 100) String purchaseBizId, @NotBlank @Size(max = 99) String refundBizId,
                                    @NotNull @Positive Long spendFen, @Positive Long storeId, @Size(max = 40) String category,
                                    Instant occurredAt) {
}
