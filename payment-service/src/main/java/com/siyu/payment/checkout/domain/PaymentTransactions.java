package com.siyu.payment.checkout.domain;

import com.siyu.payment.client.CouponClient;
import com.siyu.payment.client.PointsClient;
import java.time.Instant;
import java.util.List;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;

/**
 * The payment's Seata AT global transactions. Each touches only rows of this payment and this member
 * (no hot totals), makes at most one points-service call (the TC undoes branches in registration
 * order; two points branches on one member's balance row end in RollbackFailed), and has no fallbacks:
 * a failed call's exception reaches Seata, which undoes every branch.
 */
@Service
public class PaymentTransactions {

    private final CouponClient coupons;
    private final PointsClient points;
    private final Payments payments;
    private final Outbox outbox;

    public PaymentTransactions(CouponClient coupons, PointsClient points, Payments payments, Outbox outbox) {
        this.coupons = coupons;
        this.points = points;
        this.payments = payments;
        this.outbox = outbox;
    }

    /**
     * Branch 1 (coupon-service) locks the chosen coupons and says what they take off each order; branch 2
     * (here) records the payment, its orders and every discount line; branch 3 (points-service) reserves the
     * points. Any failure undoes all three.
     */
    @GlobalTransactional(name = "siyu-checkout-open", timeoutMills = 20_000, rollbackFor = Exception.class)
    public void open(String paymentNo, Checkout.PayCommand command, List<OrderDraft> drafts, CheckoutRules.Rules rules, String channel,
                     Instant expiresAt) {
        PointsRule pointsRule = rules.points();
        // vouchers sold for money are priced by their template: no promotions on top
        Bill bill = command.purchase() == null ? new Bill(drafts).promotions(rules.promotions()) : new Bill(drafts);
        if (!command.couponIds().isEmpty()) {
            CouponClient.PaymentCoupons locked = coupons.lock(paymentNo,
                    new CouponClient.LockRequest(command.memberId(), command.couponIds(), Checkout.cart(bill, command.points() > 0)));
            bill.coupons(locked.allocations().stream().map(Checkout::applied).toList());
        }
        long fen = pointsRule.fenFor(command.points());
        // the balance is checked by points-service's reservation (a conditional update), not read here
        long maxFen = pointsRule.capFen(bill.payable());
        if (fen > maxFen) {
            throw new PointsOverCap(command.points(), pointsRule.pointsFor(maxFen));
        }
        long used = pointsRule.pointsFor(fen);
        bill.points(fen, used);
        payments.create(new NewPayment(paymentNo, command.memberId(), channel, bill, used, command.couponIds(), command.payerOpenid(),
                expiresAt, command.purchase(), command.attribution()));
        if (used > 0) {
            points.reserve(new PointsClient.Reserve(command.memberId(), used, paymentNo, drafts.get(0).storeId()));
        }
    }

    /** The channel refused: FAILED, and the coupons and points go back. Idempotent (only a PENDING payment is abandoned). */
    @GlobalTransactional(name = "siyu-checkout-abandon", timeoutMills = 20_000, rollbackFor = Exception.class)
    public boolean abandon(String paymentNo, String failureCode) {
        Payment payment = payments.find(paymentNo).orElseThrow();
        if (!payments.markFailed(paymentNo, failureCode)) {
            return false;
        }
        release(payment);
        return true;
    }

    /** Unpaid past its expiry (and closed at the channel): CLOSED, and the coupons and points go back. Idempotent. */
    @GlobalTransactional(name = "siyu-checkout-close", timeoutMills = 20_000, rollbackFor = Exception.class)
    public boolean close(String paymentNo) {
        Payment payment = payments.find(paymentNo).orElseThrow();
        if (!payments.markClosed(paymentNo)) {
            return false;
        }
        release(payment);
        return true;
    }

    /**
     * The channel confirmed: PENDING → PAID (a conditional update: of concurrent deliveries exactly one
     * wins), then the points reservation and the coupons are confirmed and PaymentSucceeded is appended
     * to the outbox. Points are earned after this commits ({@link Settlement#reward}), not here: confirm
     * and earn would be two branches on the member's one balance row.
     */
    @GlobalTransactional(name = "siyu-checkout-settle", timeoutMills = 20_000, rollbackFor = Exception.class)
    public boolean settle(ChannelPaid paid) {
        if (!payments.markPaid(paid.paymentNo(), paid.transactionId(), paid.paidAt())) {
            return false;
        }
        Payment payment = payments.find(paid.paymentNo()).orElseThrow();
        if (payment.usesCoupons()) {
            coupons.redeem(payment.paymentNo());
        }
        if (payment.usesPoints()) {
            points.confirm(payment.paymentNo());
        }
        outbox.append("PaymentSucceeded", new PaymentSucceeded(payment.paymentNo(), payment.memberId(), paid.transactionId(),
                payment.grossFen(), payment.discountFen(), payment.pointsUsed(), payment.cashFen(), paid.paidAt(), payment.orders(),
                payment.attribution(), PaymentSucceeded.couponsOf(payment.lines())));
        return true;
    }

    private void release(Payment payment) {
        if (payment.usesCoupons()) {
            coupons.release(payment.paymentNo());
        }
        if (payment.usesPoints()) {
            points.release(payment.paymentNo());
        }
    }
}
