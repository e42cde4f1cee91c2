package com.siyu.points.account.domain;

import java.util.Optional;

public interface ReservationRepository {

    void insert(long memberId, String bizId, long points, Long storeId, long journalId);

    Optional<Reservation> find(String bizId);

    /** Moves the reservation from {@code from} to {@code to} only if it is in {@code from}: one conditional update. */
    boolean transition(String bizId, Reservation.Status from, Reservation.Status to);
}
