package com.siyu.points.earning.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class RefundExceedsPayment extends DomainException {

    public RefundExceedsPayment(String earnBizId, long amountFen, long refundedFen, long refundFen) {
        super(HttpStatus.CONFLICT, "REFUND_EXCEEDS_PAYMENT", "Payment " + earnBizId + " paid " + amountFen + " fen, "
                + refundedFen + " were refunded already; " + refundFen + " more is too much",
                Map.of("amountFen", amountFen, "refundedFen", refundedFen));
    }
}
