package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.DiscountLine;

public record DiscountLineResponse(String kind, String source, long amountFen, long platformFen, long merchantFen) {

    static DiscountLineResponse of(DiscountLine l) {
        return new DiscountLineResponse(l.kind().name(), l.source(), l.amountFen(), l.platformFen(), l.merchantFen());
    }
}
