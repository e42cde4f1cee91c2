package com.siyu.points.earning.api;

import com.siyu.points.earning.domain.EarnCommand;
import com.siyu.points.earning.domain.Earnings;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** payment-service: earn on payment success, reverse on refund (AT branches inside its global transaction). */
@RestController
class EarningInternalController {

    private final Earnings earnings;

    EarningInternalController(Earnings earnings) {
        this.earnings = earnings;
    }

    @PostMapping("/internal/points/earnings")
    EarnResponse earn(@Valid @RequestBody EarnRequest request) {
        return EarnResponse.of(earnings.earn(new EarnCommand(request.memberId(), request.bizId(), request.amountFen(), request.storeId(),
                request.merchantId(), request.category(), request.memberTier(), request.paidAt())));
    }

    @PostMapping("/internal/points/reversals")
    ReversalResponse reverse(@Valid @RequestBody ReversalRequest request) {
        return ReversalResponse.of(earnings.reverse(request.memberId(), request.bizId(), request.earnBizId(), request.refundFen()));
    }
}
