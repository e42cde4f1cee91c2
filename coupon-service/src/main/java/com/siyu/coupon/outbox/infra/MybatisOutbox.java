package com.siyu.coupon.outbox.infra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyu.common.context.CallerContext;
import com.siyu.coupon.outbox.domain.Outbox;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.stereotype.Repository;

@Repository
class MybatisOutbox implements Outbox {

    private final OutboxMapper mapper;
    private final ObjectMapper json;
    private final Clock clock;

    MybatisOutbox(OutboxMapper mapper, ObjectMapper json, Clock clock) {
        this.mapper = mapper;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String append(String type, Object payload) {
        OutboxRow row = new OutboxRow();
        row.tenantId = CallerContext.requireTenant();
        row.eventId = UUID.randomUUID().toString();
        row.type = type;
        try {
            row.payload = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " cannot be serialised", e);
        }
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        mapper.insert(row);
        return row.eventId;
    }
}
