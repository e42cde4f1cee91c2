package com.siyu.payment.checkout.domain;

/** One shop's part of a payment, as recorded; {@code refundedGrossFen}: how much of its gross refunds have taken back. */
public record MerchantOrder(String orderNo, long merchantId, long storeId, String category, long grossFen, long discountFen,
                            long pointsFen, long cashFen, long refundedGrossFen) {

    public boolean fullyRefunded() {
        return refundedGrossFen == grossFen;
    }
}
