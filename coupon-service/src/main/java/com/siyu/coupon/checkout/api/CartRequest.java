package com.siyu.coupon.checkout.api;

import com.siyu.coupon.checkout.domain.Cart;
import com.siyu.coupon.checkout.domain.CartLine;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A cart as payment-service sends it: per-merchant amounts (fen) and categories, and whether points are used too. */
public record CartRequest(@NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines, Boolean usePoints) {

    public record Line(@Positive Long storeId, @NotNull @Positive Long merchantId, @Size(max = 40) String category,
                       @NotNull @Positive @Max(1_000_000_000_000L) Long amountFen) {
    }

    Cart toCart() {
        return new Cart(lines.stream().map(l -> new CartLine(l.storeId(), l.merchantId(), l.category(), l.amountFen())).toList(),
                Boolean.TRUE.equals(usePoints));
    }
}
