package com.siyu.points.refund.api;

import com.siyu.common.context.CallerContext;
import com.siyu.points.refund.domain.Refunds;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** payment-service's refunds: one AT branch per refund (the TX_XID header joins its global transaction). */
@RestController
class RefundInternalController {

    private final Refunds refunds;

    RefundInternalController(Refunds refunds) {
        this.refunds = refunds;
    }

    @PostMapping("/internal/points/refunds")
    RefundResponse refund(@Valid @RequestBody RefundRequest r) {
        CallerContext.requireTenant();
        return RefundResponse.of(refunds.refund(new Refunds.RefundCommand(r.memberId(), r.bizId(), r.paymentBizId(), r.returnPoints(),
                r.earnBizId(), r.refundFen())));
    }
}
