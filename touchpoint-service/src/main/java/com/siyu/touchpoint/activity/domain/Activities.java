package com.siyu.touchpoint.activity.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Activity reservations (活动预约): a shopper takes one of the activity's places (never more than its capacity, however
 * many ask at once), once (asking again is the same reservation), and may cancel until it starts; each reservation
 * makes the ACTIVITY_REMINDER preset's send, due {@code remindMinutesBefore} the start, withdrawn when the reservation
 * or the activity is cancelled.
 */
@Service
public class Activities {

    private final ActivityRepository repository;
    private final Sends sends;
    private final Messaging messaging;
    private final TransactionTemplate tx;
    private final Clock clock;

    public Activities(ActivityRepository repository, Sends sends, Messaging messaging, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.sends = sends;
        this.messaging = messaging;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public Activity create(String name, Long storeId, String place, Instant startsAt, Instant endsAt, int capacity, int remindMinutesBefore) {
        Instant now = clock.instant();
        if (!startsAt.isAfter(now)) {
            throw invalid("startsAt", "must be in the future");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw invalid("endsAt", "must be after startsAt");
        }
        messaging.checkContent("name", name);
        messaging.checkContent("place", place);
        long id = repository.create(new Activity(0, name, storeId, place, startsAt, endsAt, capacity, 0, remindMinutesBefore, Activity.Status.OPEN, now));
        return get(id);
    }

    public Activity get(long id) {
        return repository.find(id).orElseThrow(() -> DomainException.notFound("Activity", id));
    }

    public List<Activity> upcoming() {
        return repository.upcoming(clock.instant(), 200);
    }

    public List<Activity> all() {
        return repository.all(200);
    }

    public record Reserved(ActivityRepository.Reservation reservation, boolean made) {
    }

    public Reserved reserve(long activityId, long memberId) {
        Activity activity = get(activityId);
        Instant now = clock.instant();
        Reserved reserved = tx.execute(t -> {
            // one at a time per activity: the same shopper asking twice at once takes one place
            repository.lock(activityId);
            ActivityRepository.Reservation current = repository.reservation(activityId, memberId).orElse(null);
            if (current != null && "RESERVED".equals(current.status())) {
                return new Reserved(current, false);
            }
            if (!repository.takePlace(activityId, now)) {
                Activity now2 = get(activityId);
                if (now2.status() == Activity.Status.CANCELLED) {
                    throw new DomainException(HttpStatus.CONFLICT, "ACTIVITY_CANCELLED", "Activity " + activityId + " was cancelled");
                }
                if (!now2.startsAt().isAfter(now)) {
                    throw new DomainException(HttpStatus.CONFLICT, "ACTIVITY_STARTED", "Activity " + activityId + " has started");
                }
                throw new DomainException(HttpStatus.CONFLICT, "ACTIVITY_FULL", "All " + now2.capacity() + " places of activity " + activityId + " are taken");
            }
            return new Reserved(repository.reserve(activityId, memberId, now), true);
        });
        if (reserved.made()) {
            sends.triggered(Preset.Kind.ACTIVITY_REMINDER, memberId, reminderKey(activityId, memberId, reserved.reservation().times()),
                    Map.of("activity", activity.name(), "startsAt", sends.localTime(activity.startsAt()), "place", activity.place()),
                    activity.startsAt().minus(Duration.ofMinutes(activity.remindMinutesBefore())));
        }
        return reserved;
    }

    /** The shopper cancels before the start: the place is free again and the reminder withdrawn. */
    public ActivityRepository.Reservation cancel(long activityId, long memberId) {
        Activity activity = get(activityId);
        Instant now = clock.instant();
        if (!activity.startsAt().isAfter(now)) {
            throw new DomainException(HttpStatus.CONFLICT, "ACTIVITY_STARTED", "Activity " + activityId + " has started");
        }
        ActivityRepository.Reservation reservation = tx.execute(t -> {
            repository.lock(activityId);
            if (!repository.cancelReservation(activityId, memberId, now)) {
                throw DomainException.notFound("Reservation of activity", activityId);
            }
            repository.givePlaceBack(activityId);
            return repository.reservation(activityId, memberId).orElseThrow();
        });
        sends.withdraw(reminderKey(activityId, memberId, reservation.times()), "RESERVATION_CANCELLED");
        return reservation;
    }

    /** The mall cancels the activity: no more reservations, and every reminder not gone yet is withdrawn. */
    public Activity cancelActivity(long id) {
        get(id);
        if (!repository.cancel(id)) {
            throw new DomainException(HttpStatus.CONFLICT, "ACTIVITY_CANCELLED", "Activity " + id + " was cancelled already");
        }
        for (ActivityRepository.Reservation r : repository.reservations(id, "RESERVED", 100_000)) {
            sends.withdraw(reminderKey(id, r.memberId(), r.times()), "ACTIVITY_CANCELLED");
        }
        return get(id);
    }

    public List<ActivityRepository.Reservation> reservations(long id, String status) {
        get(id);
        return repository.reservations(id, status, 5_000);
    }

    public List<ActivityRepository.Reservation> mine(long memberId) {
        return repository.ofMember(memberId, 200);
    }

    static String reminderKey(long activityId, long memberId, int times) {
        return "activity:" + activityId + ":" + memberId + ":" + times + ":" + Preset.Kind.ACTIVITY_REMINDER;
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " " + problem);
    }
}
