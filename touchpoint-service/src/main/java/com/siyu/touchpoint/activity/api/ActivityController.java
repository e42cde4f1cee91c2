package com.siyu.touchpoint.activity.api;

import com.siyu.common.web.MemberOnly;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.activity.domain.Activities;
import com.siyu.touchpoint.activity.domain.Activity;
import com.siyu.touchpoint.activity.domain.ActivityRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Mall activities (operators) and the shoppers' reservations of them. */
@RestController
@Validated
class ActivityController {

    private final Activities activities;

    ActivityController(Activities activities) {
        this.activities = activities;
    }

    /** remindMinutesBefore: when the ACTIVITY_REMINDER preset's message goes out (default 120). */
    record ActivityRequest(@NotBlank @Size(max = 64) String name, @Positive Long storeId, @NotBlank @Size(max = 64) String place,
                           @NotNull Instant startsAt, @NotNull Instant endsAt, @NotNull @Min(1) @Max(100_000) Integer capacity,
                           @Min(0) @Max(10_080) Integer remindMinutesBefore) {
    }

    @PostMapping("/admin/v1/touchpoint/activities")
    ResponseEntity<Activity> create(@Valid @RequestBody ActivityRequest r) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        Activity made = activities.create(r.name(), r.storeId(), r.place(), r.startsAt(), r.endsAt(), r.capacity(),
                r.remindMinutesBefore() == null ? 120 : r.remindMinutesBefore());
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/activities/" + made.id())).body(made);
    }

    @GetMapping("/admin/v1/touchpoint/activities")
    List<Activity> all() {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER", "SERVICE_AGENT");
        return activities.all();
    }

    @GetMapping("/admin/v1/touchpoint/activities/{id}/reservations")
    List<ActivityRepository.Reservation> reservations(@PathVariable long id,
                                                      @RequestParam(required = false) @Pattern(regexp = "RESERVED|CANCELLED") String status) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR", "MANAGER", "SERVICE_AGENT");
        return activities.reservations(id, status);
    }

    @PostMapping("/admin/v1/touchpoint/activities/{id}/cancellation")
    Activity cancel(@PathVariable long id) {
        StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        return activities.cancelActivity(id);
    }

    @GetMapping("/api/v1/touchpoint/activities")
    List<Activity> upcoming() {
        MemberOnly.require();
        return activities.upcoming();
    }

    /** 201 the first time, 200 with the same reservation after; 409 ACTIVITY_FULL / ACTIVITY_STARTED / ACTIVITY_CANCELLED. */
    @PostMapping("/api/v1/touchpoint/activities/{id}/reservations")
    ResponseEntity<ActivityRepository.Reservation> reserve(@PathVariable long id) {
        Activities.Reserved reserved = activities.reserve(id, MemberOnly.require());
        return reserved.made() ? ResponseEntity.created(URI.create("/api/v1/touchpoint/activities/" + id + "/reservations")).body(reserved.reservation())
                : ResponseEntity.ok(reserved.reservation());
    }

    @DeleteMapping("/api/v1/touchpoint/activities/{id}/reservations")
    ActivityRepository.Reservation cancelMine(@PathVariable long id) {
        return activities.cancel(id, MemberOnly.require());
    }

    @GetMapping("/api/v1/touchpoint/reservations")
    List<ActivityRepository.Reservation> mine() {
        return activities.mine(MemberOnly.require());
    }
}
