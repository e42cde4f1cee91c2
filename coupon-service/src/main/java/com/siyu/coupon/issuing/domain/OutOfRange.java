package com.siyu.coupon.issuing.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class OutOfRange extends DomainException {

    public OutOfRange(long templateId, long nearestMeters, int radiusMeters) {
        super(HttpStatus.FORBIDDEN, "OUT_OF_RANGE",
                "Coupon template " + templateId + " can be claimed within " + radiusMeters + " m of its stores; the nearest is "
                        + (nearestMeters < 0 ? "unknown" : nearestMeters + " m") + " away",
                Map.of("radiusMeters", radiusMeters, "nearestMeters", nearestMeters));
    }
}
