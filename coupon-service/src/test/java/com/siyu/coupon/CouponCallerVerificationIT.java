package com.siyu.coupon;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of coupon-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
class CouponCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
