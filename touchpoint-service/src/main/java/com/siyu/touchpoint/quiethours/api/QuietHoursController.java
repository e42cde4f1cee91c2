package com.siyu.touchpoint.quiethours.api;

import com.siyu.common.context.Caller;
import com.siyu.common.problem.DomainException;
import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.quiethours.domain.QuietHours;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant's quiet hours, which every channel's sender respects. */
@RestController
@RequestMapping("/admin/v1/touchpoint/quiet-hours")
class QuietHoursController {

    private final QuietHoursPolicy policy;
    private final Clock clock;

    QuietHoursController(QuietHoursPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping
    QuietHoursResponse get() {
        StaffOnly.require();
        return QuietHoursResponse.of(policy.current(), clock.instant());
    }

    @PutMapping
    QuietHoursResponse set(@Valid @RequestBody QuietHoursRequest request) {
        Caller staff = StaffOnly.require("TENANT_ADMIN", "OPERATOR");
        ZoneId zone;
        try {
            zone = ZoneId.of(request.timeZone());
        } catch (DateTimeException e) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "INVALID_TIME_ZONE", "'" + request.timeZone() + "' is not a known time zone id");
        }
        return QuietHoursResponse.of(policy.set(new QuietHours(request.start(), request.end(), zone), staff.staffId()), clock.instant());
    }
}
