package com.siyu.points;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of points-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
class PointsCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
