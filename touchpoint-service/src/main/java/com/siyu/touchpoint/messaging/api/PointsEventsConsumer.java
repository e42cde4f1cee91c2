package com.siyu.touchpoint.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Sends;
import com.siyu.touchpoint.quiethours.domain.QuietHoursPolicy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * points-service's points.expiring (its expiry job's reminder, once per lot), once each through common's inbox: the
 * POINTS_EXPIRY preset's message, one per event (the lots that reached the reminder window together).
 */
@Component
class PointsEventsConsumer implements EventConsumer {

    static final String EXPIRING = "points-service.points.expiring";

    private final Sends sends;
    private final QuietHoursPolicy quietHours;
    private final Clock clock;

    PointsEventsConsumer(Sends sends, QuietHoursPolicy quietHours, Clock clock) {
        this.sends = sends;
        this.quietHours = quietHours;
        this.clock = clock;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(EXPIRING);
    }

    @Override
    public void consume(ReceivedEvent event) {
        long member = event.requireLong("memberId");
        long points = event.requireLong("points");
        JsonNode lots = event.payload().path("lots");
        if (points <= 0 || !lots.isArray() || lots.isEmpty()) {
            throw new MalformedEvent("points.expiring " + event.messageId() + " has no points or no lots");
        }
        LocalDate first = null;
        for (JsonNode lot : lots) {
            try {
                LocalDate lastDay = LocalDate.parse(lot.path("lastDay").asText());
                first = first == null || lastDay.isBefore(first) ? lastDay : first;
            } catch (DateTimeParseException e) {
                throw new MalformedEvent("points.expiring " + event.messageId() + " has a lot whose lastDay is not a date");
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), quietHours.current().zone());
        long daysLeft = Math.max(0, ChronoUnit.DAYS.between(today, first));
        sends.triggered(Preset.Kind.POINTS_EXPIRY, member, "points:" + event.messageId() + ":POINTS_EXPIRY",
                Map.of("points", Long.toString(points), "lastDay", first.toString(), "daysLeft", Long.toString(daysLeft)), Instant.EPOCH);
    }
}
