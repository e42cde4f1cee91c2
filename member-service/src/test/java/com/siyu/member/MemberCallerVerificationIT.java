package com.siyu.member;

import com.siyu.common.test.EveryEndpointVerifiesTheCaller;
import com.siyu.common.test.ServiceIT;

/** Every endpoint of member-service refuses header-only, forged and wrong-kind callers (issue 10). */
@ServiceIT
class MemberCallerVerificationIT extends EveryEndpointVerifiesTheCaller {
}
