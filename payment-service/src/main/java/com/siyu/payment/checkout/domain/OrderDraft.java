package com.siyu.payment.checkout.domain;

/** One shop's part of a payment before discounts, with the merchant's store and category as member-service knows them. */
public record OrderDraft(long merchantId, long storeId, String category, long grossFen) {

    public OrderDraft {
        if (grossFen <= 0) {
            throw new IllegalArgumentException("an order amount must be positive");
        }
    }
}
