package com.siyu.payment.checkout.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Pay a (combined) order with the chosen coupons and points. {@code payerOpenid} is optional: the payer is
 * the signed-in member's openid as member-service knows it; one sent must be the same. {@code attribution}: the
 * token of the guide share link the shopper came through (optional): the payment carries it to guide-service, which
 * credits that guide when the shopper opened the link within the tenant's attribution window.
 */
public record PayRequest(@NotEmpty @Size(max = 20) List<@Valid @NotNull OrderLineRequest> orders,
                         @Size(max = 20) List<@NotNull @Positive Long> couponIds,
                         @PositiveOrZero @Max(10_000_000) Long points,
                         @Pattern(regexp = "[A-Za-z0-9_-]{1,128}") String payerOpenid,
                         @Pattern(regexp = ATTRIBUTION, message = "must be a guide share-link token") String attribution) {

    /** The shape of guide-service's signed tokens (payload and HMAC in Base64url); their content is judged there. */
    public static final String ATTRIBUTION = "[A-Za-z0-9_-]{10,200}\\.[A-Za-z0-9_-]{43}";
}
