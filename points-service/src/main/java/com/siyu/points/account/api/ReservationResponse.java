package com.siyu.points.account.api;

import com.siyu.points.account.domain.Reservation;

public record ReservationResponse(long id, long memberId, String bizId, long points, Long storeId, String status, long journalId,
                                  Long balanceAfter) {

    static ReservationResponse of(Reservation r, Long balanceAfter) {
        return new ReservationResponse(r.id(), r.memberId(), r.bizId(), r.points(), r.storeId(), r.status().name(), r.journalId(),
                balanceAfter);
    }
}
