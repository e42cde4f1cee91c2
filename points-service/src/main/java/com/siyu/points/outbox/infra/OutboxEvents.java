package com.siyu.points.outbox.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.outbox.OutboxWriter;
import com.siyu.points.account.domain.Events;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Points events on common's outbox writer, in the caller's transaction. The payload also carries its
 * event id and tenant, so a consumer reading only the body can dedupe.
 */
@Component
class OutboxEvents implements Events {

    private final OutboxWriter writer;

    OutboxEvents(OutboxWriter writer) {
        this.writer = writer;
    }

    @Override
    public void append(String type, Map<String, Object> payload) {
        long tenantId = CallerContext.requireTenant();
        writer.append(type, eventId -> {
            Map<String, Object> body = new LinkedHashMap<>(payload);
            body.put("eventId", eventId);
            body.put("tenantId", tenantId);
            return body;
        });
    }
}
