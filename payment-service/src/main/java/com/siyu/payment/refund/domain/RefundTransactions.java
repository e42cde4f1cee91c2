package com.siyu.payment.refund.domain;

import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.client.CouponClient;
import com.siyu.payment.client.PointsRefundClient;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;

/**
 * A refund's Seata AT global transaction: claim it on the payment and the order (a conditional update:
 * concurrent refunds of one payment cannot both compute from the same state), restore the coupons whose
 * orders are now fully refunded, revoke the unused vouchers a voucher purchase's refund takes back, give the points back and reverse what the order earned (one
 * points-service call, which may refuse: the tenant may not allow debt for points already spent), and
 * record the refund with the subsidies it reverses. No fallbacks: any failure reaches
 * Seata, which undoes every branch. The cash goes back through the channel after this commits.
 */
@Service
public class RefundTransactions {

    private final Refunds refunds;
    private final PointsRefundClient points;
    private final CouponClient coupons;

    public RefundTransactions(Refunds refunds, PointsRefundClient points, CouponClient coupons) {
        this.refunds = refunds;
        this.points = points;
        this.coupons = coupons;
    }

    @GlobalTransactional(name = "siyu-refund-open", timeoutMills = 20_000, rollbackFor = Exception.class)
    public void open(String refundNo, Payment payment, RefundPlan plan, int vouchers, String reason, Long requestedBy) {
        if (!refunds.claim(payment.paymentNo(), payment.refundVersion(), plan.order().orderNo(), plan.order().refundedGrossFen(),
                plan.grossFen())) {
            throw new RefundConflict(payment.paymentNo());
        }
        List<Long> restored = List.of();
        if (!plan.couponsToRestore().isEmpty()) {
            // the template's policy decides: RESTORED ones are the member's again, FORFEITED ones stay used
            restored = coupons.restore(payment.paymentNo(), new CouponClient.Restore(plan.couponsToRestore())).coupons().stream()
                    .filter(c -> "RESTORED".equals(c.status()) && plan.couponsToRestore().contains(c.couponId()))
                    .map(CouponClient.CouponLine::couponId).toList();
        }
        List<Long> revoked = List.of();
        if (vouchers > 0) {
            // the vouchers go back before the money does: used ones make coupon-service refuse the whole refund
            List<String> keys = IntStream.rangeClosed(1, payment.purchase().quantity()).mapToObj(i -> payment.paymentNo() + "-" + i).toList();
            revoked = coupons.revoke(new CouponClient.Revoke("PURCHASE", keys, vouchers)).couponIds();
        }
        // what the order earned was earned on its cash: the cash refunded reverses it in proportion
        String earnBizId = plan.order().cashFen() > 0 && plan.cashFen() > 0 ? plan.order().orderNo() : null;
        long reversed = 0;
        if (plan.pointsToReturn() > 0 || earnBizId != null) {
            reversed = points.refund(new PointsRefundClient.Refund(payment.memberId(), refundNo, payment.paymentNo(), plan.pointsToReturn(),
                    earnBizId, earnBizId == null ? 0 : plan.cashFen())).reversed();
        }
        refunds.record(new Refunds.NewRefund(refundNo, plan, payment.paymentNo(), payment.memberId(), payment.channel(), reversed, restored,
                revoked, reason, requestedBy));
    }
}
