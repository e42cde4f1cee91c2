package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.DiscountLine;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.checkout.domain.PaymentChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A payment; {@code payParams} (for wx.requestPayment) only in the answer that created it. */
public record PaymentResponse(String paymentNo, long memberId, String status, String channel, long grossFen, long discountFen,
                              long pointsUsed, long pointsFen, long cashFen, List<Long> couponIds, String failureCode, Instant expiresAt,
                              Instant paidAt, Instant createdAt, List<Order> orders, Map<String, String> payParams) {

    public record Order(String orderNo, long merchantId, long storeId, long grossFen, long discountFen, long pointsFen, long cashFen,
                        long refundedGrossFen, List<DiscountLineResponse> lines) {
    }

    public static PaymentResponse of(Payment p, PaymentChannel.Prepay prepay) {
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < p.orders().size(); i++) {
            int index = i;
            MerchantOrder o = p.orders().get(i);
            List<DiscountLine> lines = p.lines().stream().filter(l -> l.order() == index).toList();
            orders.add(new Order(o.orderNo(), o.merchantId(), o.storeId(), o.grossFen(), o.discountFen(), o.pointsFen(), o.cashFen(),
                    o.refundedGrossFen(), lines.stream().map(DiscountLineResponse::of).toList()));
        }
        return new PaymentResponse(p.paymentNo(), p.memberId(), p.status().name(), p.channel(), p.grossFen(), p.discountFen(), p.pointsUsed(),
                p.pointsFen(), p.cashFen(), p.couponIds(), p.failureCode(), p.expiresAt(), p.paidAt(), p.createdAt(), orders,
                prepay == null ? null : prepay.clientParams());
    }
}
