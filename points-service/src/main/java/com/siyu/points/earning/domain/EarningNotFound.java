package com.siyu.points.earning.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

public class EarningNotFound extends DomainException {

    public EarningNotFound(long memberId, String earnBizId) {
        super(HttpStatus.NOT_FOUND, "EARNING_NOT_FOUND", "Member " + memberId + " earned no points on " + earnBizId,
                Map.of("earnBizId", earnBizId));
    }
}
