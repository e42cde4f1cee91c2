package com.siyu.payment.checkout.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class PaymentChannelFailed extends DomainException {

    public PaymentChannelFailed(String paymentNo) {
        super(HttpStatus.BAD_GATEWAY, "PAYMENT_CHANNEL_FAILED",
                "The payment channel did not accept payment " + paymentNo + "; coupons and points were released, nothing was charged",
                Map.of("paymentNo", paymentNo));
    }
}
