package com.siyu.points.earning.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The tenant does not allow points debt and the member already spent points a refund takes back. */
public class PointsAlreadySpent extends DomainException {

    public PointsAlreadySpent(long toReverse, long shortfall) {
        super(HttpStatus.CONFLICT, "POINTS_ALREADY_SPENT", "The refund takes back " + toReverse + " points but the member has spent "
                + shortfall + " of them; this tenant does not allow a points debt", Map.of("toReverse", toReverse, "shortfall", shortfall));
    }
}
