package com.siyu.guide;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of guide-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
class GuideCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
