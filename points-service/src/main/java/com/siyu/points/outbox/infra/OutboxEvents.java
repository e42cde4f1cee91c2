package com.siyu.points.outbox.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.points.account.domain.Events;
import com.siyu.points.account.infra.DbTime;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes events to {@code outbox_event} in the caller's transaction, so an event exists exactly when
 * the change it announces was committed. Sending them to RabbitMQ is a separate publisher's job.
 */
@Component
class OutboxEvents implements Events {

    private final OutboxMapper outbox;
    private final ObjectMapper json;
    private final Clock clock;

    OutboxEvents(OutboxMapper outbox, ObjectMapper json, Clock clock) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void append(String type, Map<String, Object> payload) {
        OutboxRow row = new OutboxRow();
        row.tenantId = CallerContext.requireTenant();
        row.eventId = UUID.randomUUID().toString();
        row.type = type;
        Map<String, Object> body = new LinkedHashMap<>(payload);
        body.put("eventId", row.eventId);
        body.put("tenantId", row.tenantId);
        try {
            row.payload = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload of " + type + " is not serializable", e);
        }
        row.createdAt = DbTime.now(clock);
        outbox.insert(row);
    }
}
