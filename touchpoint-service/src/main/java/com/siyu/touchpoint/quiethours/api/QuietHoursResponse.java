package com.siyu.touchpoint.quiethours.api;

import com.siyu.touchpoint.quiethours.domain.QuietHours;
import java.time.Instant;

public record QuietHoursResponse(String start, String end, String timeZone, boolean quietNow, Instant nextSendableAt) {

    static QuietHoursResponse of(QuietHours hours, Instant now) {
        return new QuietHoursResponse(hours.start().toString(), hours.end().toString(), hours.zone().getId(),
                hours.isQuietAt(now), hours.nextSendableAt(now));
    }
}
