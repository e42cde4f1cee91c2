package com.siyu.touchpoint;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of touchpoint-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
class TouchpointCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
