package com.siyu.payment;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of payment-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
@org.springframework.test.context.TestPropertySource(properties = "siyu.payment.channel=sandbox")
class PaymentCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
