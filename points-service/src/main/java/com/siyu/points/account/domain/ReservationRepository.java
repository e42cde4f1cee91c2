package com.siyu.points.account.domain;

import java.util.Optional;

public interface ReservationRepository {

    void insert(long memberId, String bizId, long points, Long storeId, long journalId);

    Optional<Reservation> find(String bizId);

    /** Moves the reservation from {@code from} to {@code to} only if it is in {@code from}: one conditional update. */
    boolean transition(String bizId, Reservation.Status from, Reservation.Status to);

    /** How many points of the reservation refunds have given back so far (read current, locking the reservation). */
    long returned(String bizId);

    /** {@code returned = before + points} only if it still is {@code before} and stays within the reservation. */
    boolean addReturned(String bizId, long before, long points);
}
