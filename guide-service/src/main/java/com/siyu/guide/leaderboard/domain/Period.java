package com.siyu.guide.leaderboard.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** A day, an ISO week (Monday first) or a month of the mall's calendar, as the instants it spans. */
public record Period(Kind kind, LocalDate first, Instant from, Instant to) {

    public enum Kind { DAY, WEEK, MONTH }

    public static Period containing(Kind kind, LocalDate date, ZoneId zone) {
        LocalDate first = switch (kind) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
        LocalDate next = switch (kind) {
            case DAY -> first.plusDays(1);
            case WEEK -> first.plusWeeks(1);
            case MONTH -> first.plusMonths(1);
        };
        return new Period(kind, first, first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
    }
}
