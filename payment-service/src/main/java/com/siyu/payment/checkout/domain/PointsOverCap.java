package com.siyu.payment.checkout.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class PointsOverCap extends DomainException {

    public PointsOverCap(long points, long maxPoints) {
        super(HttpStatus.UNPROCESSABLE_ENTITY, "POINTS_OVER_CAP",
                points + " points were asked for; at most " + maxPoints + " can be used on this payment",
                Map.of("maxPoints", maxPoints));
    }
}
