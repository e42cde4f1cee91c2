package com.siyu.payment.refund.api;

import com.siyu.payment.refund.domain.Refunds;
import java.time.Instant;

/**
 * Discounts on a merchant's orders in [from, to): funded by the platform (the subsidy the mall owes the
 * merchant) and by the merchant, as paid, what refunds took back, and the net.
 */
public record SubsidyResponse(long merchantId, Instant from, Instant to, long platformFen, long merchantFen, long platformReversedFen,
                              long merchantReversedFen, long platformNetFen, long merchantNetFen) {

    static SubsidyResponse of(Refunds.Subsidy s, Instant from, Instant to) {
        return new SubsidyResponse(s.merchantId(), from, to, s.platformFen(), s.merchantFen(), s.platformReversedFen(),
                s.merchantReversedFen(), s.platformFen() - s.platformReversedFen(), s.merchantFen() - s.merchantReversedFen());
    }
}
