package com.siyu.payment.checkout.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.payment.checkout.domain.Outbox;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/** Appends to {@code outbox_event} on the caller's connection (so inside the caller's transaction or AT branch). */
@Repository
class MybatisOutbox implements Outbox {

    private final OutboxEventMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    MybatisOutbox(OutboxEventMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String append(String type, Object payload) {
        OutboxEventRow row = new OutboxEventRow();
        row.tenantId = CallerContext.requireTenant();
        row.eventId = UUID.randomUUID().toString();
        row.type = type;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", row.eventId);
        envelope.put("type", type);
        envelope.put("tenantId", row.tenantId);
        envelope.put("data", payload);
        try {
            row.payload = json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + type, e);
        }
        row.createdAt = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        mapper.insert(row);
        return row.eventId;
    }
}
