package com.siyu.payment.checkout.api;

import com.siyu.payment.checkout.domain.Bill;
import com.siyu.payment.checkout.domain.DiscountKind;
import com.siyu.payment.checkout.domain.OrderDraft;
import com.siyu.payment.checkout.domain.Quote;
import java.util.ArrayList;
import java.util.List;

/**
 * The price of a (combined) order: per shop order its discount lines (each with its funding split) and
 * what is left to pay; totals by kind; the coupons that apply and the combination chosen; the points.
 */
public record QuoteResponse(long grossFen, long promotionFen, long couponFen, long pointsFen, long cashFen, long platformFundedFen,
                            long merchantFundedFen, long pointsBalance, long maxPoints, long pointsUsed, List<Long> chosenCouponIds,
                            List<Quote.CouponOption> applicableCoupons, List<Order> orders) {

    public record Order(long merchantId, long storeId, long grossFen, long cashFen, List<DiscountLineResponse> lines) {
    }

    static QuoteResponse of(Quote q) {
        Bill bill = q.bill();
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < bill.orders().size(); i++) {
            int index = i;
            OrderDraft o = bill.orders().get(i);
            orders.add(new Order(o.merchantId(), o.storeId(), o.grossFen(), bill.payable(i),
                    bill.lines().stream().filter(l -> l.order() == index).map(DiscountLineResponse::of).toList()));
        }
        return new QuoteResponse(bill.gross(), bill.total(DiscountKind.COMBO) + bill.total(DiscountKind.TIER), bill.total(DiscountKind.COUPON),
                bill.total(DiscountKind.POINTS), bill.payable(), bill.platformFunded(), bill.merchantFunded(), q.pointsBalance(), q.maxPoints(),
                q.pointsUsed(), q.chosenCouponIds(), q.applicable(), orders);
    }
}
