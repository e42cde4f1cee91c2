package com.siyu.touchpoint.quiethours.domain;

import com.siyu.common.problem.DomainException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;

/**
 * A daily window of local time in which no member is messaged. {@code start} is inclusive, {@code end}
 * exclusive; a window whose end is before its start wraps midnight (21:30-08:30).
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    /** What a tenant gets until its operators set their own. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(9, 0), ZoneId.of("Asia/Shanghai"));

    public QuietHours {
        if (start == null || end == null || zone == null) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "QUIET_HOURS_INVALID", "Quiet hours need a start, an end and a time zone");
        }
        if (start.equals(end)) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "QUIET_HOURS_INVALID",
                    "Quiet hours must not start and end at the same time (that would be all day or never)");
        }
    }

    public boolean isQuietAt(Instant instant) {
        LocalTime local = instant.atZone(zone).toLocalTime();
        if (start.isBefore(end)) {
            return !local.isBefore(start) && local.isBefore(end);
        }
        return !local.isBefore(start) || local.isBefore(end);
    }

    /** The earliest instant at or after {@code instant} when sending is allowed. */
    public Instant nextSendableAt(Instant instant) {
        if (!isQuietAt(instant)) {
            return instant;
        }
        var local = instant.atZone(zone);
        var endToday = local.with(end).withSecond(0).withNano(0);
        var candidate = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return candidate.toInstant();
    }
}
