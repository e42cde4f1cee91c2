package com.siyu.touchpoint.activity.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Activities and reservations of the tenant in context (infra). */
public interface ActivityRepository {

    long create(Activity activity);

    Optional<Activity> find(long id);

    /** The activity, locked for the transaction: reservations of one activity take their turn. */
    Optional<Activity> lock(long id);

    /** OPEN activities not ended by {@code now}, soonest first. */
    List<Activity> upcoming(Instant now, int limit);

    List<Activity> all(int limit);

    boolean cancel(long id);

    record Reservation(long activityId, long memberId, String status, int times, Instant reservedAt, Instant cancelledAt) {
    }

    Optional<Reservation> reservation(long activityId, long memberId);

    /** Takes a place if one is left and the activity is OPEN and not started; false otherwise. */
    boolean takePlace(long activityId, Instant now);

    void givePlaceBack(long activityId);

    /** RESERVED (a new row, or a cancelled one made again: times + 1); the reservation after. */
    Reservation reserve(long activityId, long memberId, Instant now);

    /** RESERVED → CANCELLED; false when it was not reserved. */
    boolean cancelReservation(long activityId, long memberId, Instant now);

    List<Reservation> reservations(long activityId, String status, int limit);

    /** The member's reservations, newest first. */
    List<Reservation> ofMember(long memberId, int limit);
}
