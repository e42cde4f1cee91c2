package com.siyu.points.earning.api;

import com.siyu.points.earning.domain.Reversed;

public record ReversalResponse(long id, long points, long fromBalance, long debtRecorded, long balanceAfter) {

    static ReversalResponse of(Reversed r) {
        return new ReversalResponse(r.entry().id(), r.points(), r.fromBalance(), r.debtRecorded(), r.entry().balanceAfter());
    }
}
