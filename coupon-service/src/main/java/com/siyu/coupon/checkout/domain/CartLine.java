package com.siyu.coupon.checkout.domain;

/** What the member buys from one merchant/counter in one category, in fen. */
public record CartLine(Long storeId, Long merchantId, String category, long amountFen) {

    public CartLine {
        if (amountFen <= 0) {
            throw new IllegalArgumentException("A cart line needs a positive amountFen");
        }
    }
}
