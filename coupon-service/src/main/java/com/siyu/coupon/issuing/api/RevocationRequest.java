package com.siyu.coupon.issuing.api;

import com.siyu.coupon.wallet.domain.IssueSource;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Revoke {@code count} of the still-unused coupons issued under {@code keys} (in that order) by {@code source}. */
public record RevocationRequest(@NotNull IssueSource source,
                                @NotEmpty @Size(max = 50) List<@NotNull @Pattern(regexp = "[A-Za-z0-9._:@\\-]{1,120}") String> keys,
                                @NotNull @Positive @Max(50) Integer count) {
}
