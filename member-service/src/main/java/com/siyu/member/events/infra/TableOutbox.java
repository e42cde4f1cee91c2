package com.siyu.member.events.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.events.domain.Outbox;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class TableOutbox implements Outbox {

    private final OutboxEventMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    TableOutbox(OutboxEventMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void record(String type, Object payload) {
        OutboxEventRow row = new OutboxEventRow();
        row.tenantId = CallerContext.requireTenant();
        row.eventId = UUID.randomUUID().toString();
        row.type = type;
        try {
            row.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + type + " is not serialisable", e);
        }
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        mapper.insert(row);
    }
}
