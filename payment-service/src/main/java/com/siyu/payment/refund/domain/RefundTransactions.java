package com.siyu.payment.refund.domain;

import com.siyu.payment.checkout.domain.Payment;
import com.siyu.payment.client.CouponClient;
import com.siyu.payment.client.PointsRefundClient;
import java.util.List;
import org.apache.seata.spring.annotation.GlobalTransactional;
import org.springframework.stereotype.Service;

/**
 * A refund's Seata AT global transaction: claim it on the payment and the order (a conditional update:
 * concurrent refunds of one payment cannot both compute from the same state), restore the coupons whose
 * orders are now fully refunded, give the points back and reverse what the order earned (one
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
    public void open(String refundNo, Payment payment, RefundPlan plan, String reason, Long requestedBy) {
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
        // what the order earned was earned on its cash: the cash refunded reverses it in proportion
        String earnBizId = plan.order().cashFen() > 0 && plan.cashFen() > 0 ? plan.order().orderNo() : null;
        long reversed = 0;
        if (plan.pointsToReturn() > 0 || earnBizId != null) {
            reversed = points.refund(new PointsRefundClient.Refund(payment.memberId(), refundNo, payment.paymentNo(), plan.pointsToReturn(),
                    earnBizId, earnBizId == null ? 0 : plan.cashFen())).reversed();
        }
        refunds.record(new Refunds.NewRefund(refundNo, plan, payment.paymentNo(), payment.memberId(), payment.channel(), reversed, restored,
                reason, requestedBy));
    }
}
