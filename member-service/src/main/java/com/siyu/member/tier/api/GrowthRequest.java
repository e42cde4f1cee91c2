package com.siyu.member.tier.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** A purchase/visit reported by payment-service; {@code bizId} is the payment id. */
public record GrowthRequest(@NotBlank @Size(max = 100) String bizId, @NotNull @Min(0) Long spendFen, @Positive Long storeId,
                            @Size(max = 40) String category, Instant occurredAt) {
}
