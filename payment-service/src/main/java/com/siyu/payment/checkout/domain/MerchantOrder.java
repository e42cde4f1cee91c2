package com.siyu.payment.checkout.domain;

/** One shop's part of a payment, as recorded. */
public record MerchantOrder(String orderNo, long merchantId, long storeId, String category, long grossFen, long discountFen,
                            long pointsFen, long cashFen) {
}
