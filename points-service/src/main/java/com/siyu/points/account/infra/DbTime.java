package com.siyu.points.account.infra;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Timestamps as stored: UTC, millisecond precision (DATETIME(3)), set by the application. */
public final class DbTime {

    private DbTime() {
    }

    public static LocalDateTime now(Clock clock) {
        return of(clock.instant());
    }

    public static LocalDateTime of(Instant instant) {
        return LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime time) {
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
