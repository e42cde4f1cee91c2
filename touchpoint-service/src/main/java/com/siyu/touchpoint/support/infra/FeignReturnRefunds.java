package com.siyu.touchpoint.support.infra;

import com.siyu.touchpoint.client.PaymentClient;
import com.siyu.touchpoint.support.domain.ReturnRefunds;
import java.util.List;
import org.springframework.stereotype.Component;

/** payment-service's refunds of approved returns. */
@Component
class FeignReturnRefunds implements ReturnRefunds {

    private final PaymentClient payments;

    FeignReturnRefunds(PaymentClient payments) {
        this.payments = payments;
    }

    @Override
    public Outcome refund(String refundNo, String paymentNo, String orderNo, Long amountFen, String reason, Long staffId) {
        PaymentClient.Refund refund = payments.refund(new PaymentClient.RefundRequest(refundNo, paymentNo, orderNo, amountFen, reason, staffId));
        return new Outcome(refund.status(), refund.grossFen(), refund.pointsReturned(),
                refund.restoredCouponIds() == null ? List.of() : refund.restoredCouponIds());
    }
}
