package com.siyu.coupon.checkout.api;

import com.siyu.coupon.checkout.domain.Quote;
import java.util.List;

/** Each coupon that applies on its own (largest discount first) and the best combination under the stacking rules. */
public record QuoteResponse(List<AppliedResponse> applicable, AppliedResponse.CombinationResponse best) {

    static QuoteResponse of(Quote q) {
        return new QuoteResponse(q.applicable().stream().map(AppliedResponse::of).toList(),
                AppliedResponse.CombinationResponse.of(q.best()));
    }
}
