package com.siyu.guide.binding.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Members bind only to guides still on the roster. */
public class GuideNotActive extends DomainException {

    public GuideNotActive(long guideId) {
        super(HttpStatus.CONFLICT, "GUIDE_NOT_ACTIVE", "Guide " + guideId + " has left; members cannot be bound to them",
                Map.of("guideId", guideId));
    }
}
