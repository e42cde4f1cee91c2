package com.siyu.points.refund.api;

import com.siyu.points.refund.domain.Refunds;

public record RefundResponse(String bizId, long returned, long reversed, long debtRecorded, long balanceAfter) {

    static RefundResponse of(Refunds.Refunded r) {
        return new RefundResponse(r.refundBizId(), r.returned(), r.reversed(), r.debtRecorded(), r.balanceAfter());
    }
}
