package com.siyu.points.account.domain;

import com.siyu.common.problem.DomainException;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A confirm of a released reservation, or a release of a confirmed one. */
public class ReservationNotHeld extends DomainException {

    public ReservationNotHeld(String bizId, Reservation.Status status) {
        super(HttpStatus.CONFLICT, "RESERVATION_" + status.name(),
                "The points reservation of " + bizId + " is already " + status.name().toLowerCase(), Map.of("reservationStatus", status.name()));
    }
}
