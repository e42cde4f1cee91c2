package com.siyu.coupon.template.domain;

import java.time.DayOfWeek;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * When in the week a coupon may be used, in the tenant's own time zone: a daily window of minutes
 * [from, to) and a set of weekdays. Nulls / empty mean "any time".
 */
public record UsableWindow(Integer fromMinute, Integer toMinute, Set<DayOfWeek> weekdays) {

    public static final UsableWindow ALWAYS = new UsableWindow(null, null, Set.of());

    public UsableWindow {
        weekdays = weekdays == null ? Set.of() : Set.copyOf(weekdays);
        if ((fromMinute == null) != (toMinute == null)) {
            throw new InvalidTemplate("usableFrom and usableTo go together");
        }
        if (fromMinute != null && (fromMinute < 0 || toMinute > 24 * 60 || fromMinute >= toMinute)) {
            throw new InvalidTemplate("The usable window must be within a day and usableFrom before usableTo");
        }
    }

    /** @param local the moment in the tenant's time zone */
    public boolean allows(ZonedDateTime local) {
        if (!weekdays.isEmpty() && !weekdays.contains(local.getDayOfWeek())) {
            return false;
        }
        if (fromMinute == null) {
            return true;
        }
        int minute = local.getHour() * 60 + local.getMinute();
        return minute >= fromMinute && minute < toMinute;
    }
}
