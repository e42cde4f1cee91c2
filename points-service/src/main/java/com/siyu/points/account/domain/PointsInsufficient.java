package com.siyu.points.account.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class PointsInsufficient extends DomainException {

    public PointsInsufficient(long requested, long available) {
        super(HttpStatus.CONFLICT, "POINTS_INSUFFICIENT",
                "The member has " + available + " points; " + requested + " were requested",
                Map.of("available", available, "requested", requested));
    }
}
