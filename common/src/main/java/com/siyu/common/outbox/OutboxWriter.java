package com.siyu.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Appends a domain event to the service's {@code outbox_event} table on the caller's connection, so
 * the event commits (or rolls back, also as part of a Seata AT branch) with the change it announces.
 * {@link OutboxRelay} publishes it afterwards. Services wrap this in their own domain port.
 */
public class OutboxWriter {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    public OutboxWriter(JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Appends {@code payload} (as JSON) for the tenant in context; returns the event id. */
    public String append(String type, Object payload) {
        return append(type, eventId -> payload);
    }

    /** As {@link #append(String, Object)}, for payloads that carry their own event id. */
    public String append(String type, Function<String, Object> payloadForEventId) {
        return append(CallerContext.requireTenant(), type, payloadForEventId);
    }

    /**
     * Appends {@code data} in the envelope {@code {eventId, type, tenantId, data}} (payment- and guide-service's
     * events) for {@code tenantId}: a job working across tenants names the tenant itself.
     */
    public String appendEnvelope(long tenantId, String type, Object data) {
        return append(tenantId, type, eventId -> {
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("eventId", eventId);
            envelope.put("type", type);
            envelope.put("tenantId", tenantId);
            envelope.put("data", data);
            return envelope;
        });
    }

    private String append(long tenantId, String type, Function<String, Object> payloadForEventId) {
        String eventId = UUID.randomUUID().toString();
        String body;
        try {
            body = json.writeValueAsString(payloadForEventId.apply(eventId));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The payload of event " + type + " cannot be serialised", e);
        }
        jdbc.update("insert into outbox_event (tenant_id, event_id, type, payload, created_at) values (?, ?, ?, ?, ?)",
                tenantId, eventId, type, body, Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return eventId;
    }
}
