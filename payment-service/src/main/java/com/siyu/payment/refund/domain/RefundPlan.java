package com.siyu.payment.refund.domain;

import com.siyu.payment.checkout.domain.DiscountKind;
import com.siyu.payment.checkout.domain.DiscountLine;
import com.siyu.payment.checkout.domain.MerchantOrder;
import com.siyu.payment.checkout.domain.Payment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a refund of {@code grossFen} of one shop order gives back and takes back, in integer fen and
 * points. Every share is cumulative: after the refund the order has given back
 * {@code floor(part × refundedGross / gross)} of each part (cash, points, each discount line's platform
 * and merchant funding), minus what earlier refunds gave. So refunds in any split add up exactly to the
 * order, the last one takes the rounding remainder, and nothing but the order's refunded gross is state.
 * Points spent are spread over the payment's orders by their points fen, the same way.
 */
public record RefundPlan(MerchantOrder order, long grossFen, long cashFen, long pointsFen, long pointsToReturn, List<DiscountLine> reversed,
                         List<Long> couponsToRestore, boolean orderFullyRefunded) {

    /** {@code grossFen}: the price of what is returned, before discounts; null = all of the order not yet refunded. */
    public static RefundPlan of(Payment payment, String orderNo, Long grossFen) {
        MerchantOrder order = payment.order(orderNo).orElseThrow(() -> new RefundRefused("REFUND_ORDER_UNKNOWN",
                "Payment " + payment.paymentNo() + " has no shop order " + orderNo));
        long left = order.grossFen() - order.refundedGrossFen();
        long gross = grossFen == null ? left : grossFen;
        if (left == 0) {
            throw new RefundRefused("REFUND_ORDER_ALREADY_REFUNDED", "Shop order " + orderNo + " is refunded in full already");
        }
        if (gross <= 0 || gross > left) {
            throw new RefundRefused("REFUND_EXCEEDS_ORDER", "Shop order " + orderNo + " has " + left + " fen left to refund; "
                    + gross + " fen were asked");
        }
        long before = order.refundedGrossFen();
        long after = before + gross;
        long cash = share(order.cashFen(), order.grossFen(), before, after);
        long points = share(order.pointsFen(), order.grossFen(), before, after);
        List<DiscountLine> reversed = new ArrayList<>();
        for (DiscountLine line : payment.linesOf(order)) {
            long platform = share(line.platformFen(), order.grossFen(), before, after);
            long merchant = share(line.merchantFen(), order.grossFen(), before, after);
            if (platform + merchant > 0) {
                reversed.add(new DiscountLine(line.order(), line.kind(), line.source(), platform + merchant, platform, merchant));
            }
        }
        long pointsToReturn = pointsToReturn(payment, order, after);
        boolean full = after == order.grossFen();
        return new RefundPlan(order, gross, cash, points, pointsToReturn, List.copyOf(reversed),
                full ? couponsFreedBy(payment, order) : List.of(), full);
    }

    /**
     * A voucher purchase is refunded voucher by voucher: how many this refund takes back (0 for a counter
     * payment); refused unless the amount is a whole number of vouchers.
     */
    public int wholeVouchers(Payment payment) {
        if (payment.purchase() == null) {
            return 0;
        }
        long unit = order.grossFen() / payment.purchase().quantity();
        if (grossFen % unit != 0) {
            throw new RefundRefused("REFUND_NOT_WHOLE_VOUCHERS", "A voucher costs " + unit + " fen; refund a whole number of them");
        }
        return Math.toIntExact(grossFen / unit);
    }

    /** What the member gets in cash and points value together. */
    public long valueFen() {
        return cashFen + pointsFen;
    }

    static long share(long part, long whole, long before, long after) {
        return Math.floorDiv(Math.multiplyExact(part, after), whole) - Math.floorDiv(Math.multiplyExact(part, before), whole);
    }

    /**
     * The payment's spent points returned so far are {@code floor(pointsUsed × pointsFenRefunded / pointsFen)}
     * over all its orders: this refund returns the difference its order makes.
     */
    static long pointsToReturn(Payment payment, MerchantOrder refunded, long refundedAfter) {
        if (payment.pointsUsed() == 0 || payment.pointsFen() == 0) {
            return 0;
        }
        long fenBefore = 0;
        long fenAfter = 0;
        for (MerchantOrder o : payment.orders()) {
            long ofOrder = Math.floorDiv(Math.multiplyExact(o.pointsFen(), o.refundedGrossFen()), o.grossFen());
            fenBefore += ofOrder;
            fenAfter += o.orderNo().equals(refunded.orderNo())
                    ? Math.floorDiv(Math.multiplyExact(o.pointsFen(), refundedAfter), o.grossFen())
                    : ofOrder;
        }
        return Math.floorDiv(Math.multiplyExact(payment.pointsUsed(), fenAfter), payment.pointsFen())
                - Math.floorDiv(Math.multiplyExact(payment.pointsUsed(), fenBefore), payment.pointsFen());
    }

    /**
     * A coupon goes back (if its template's policy says so) once every order it discounted is refunded in
     * full: the coupons on {@code justFull} whose other orders are all refunded already.
     */
    static List<Long> couponsFreedBy(Payment payment, MerchantOrder justFull) {
        int index = payment.orders().indexOf(justFull);
        Set<Long> freed = new TreeSet<>();
        for (DiscountLine line : payment.lines()) {
            if (line.kind() != DiscountKind.COUPON || line.order() != index) {
                continue;
            }
            long coupon = Long.parseLong(line.source().substring("coupon-".length()));
            boolean allOthersRefunded = payment.lines().stream()
                    .filter(l -> l.kind() == DiscountKind.COUPON && l.source().equals(line.source()) && l.order() != index)
                    .allMatch(l -> payment.orders().get(l.order()).fullyRefunded());
            if (allOthersRefunded) {
                freed.add(coupon);
            }
        }
        return List.copyOf(freed);
    }
}
