package com.siyu.guide.events.infra;

import com.siyu.common.outbox.OutboxWriter;
import com.siyu.guide.events.domain.GuideEvents;
import org.springframework.stereotype.Component;

/** guide-service's events on common's outbox writer. */
@Component
class OutboxGuideEvents implements GuideEvents {

    private final OutboxWriter writer;

    OutboxGuideEvents(OutboxWriter writer) {
        this.writer = writer;
    }

    @Override
    public void publish(long tenantId, String type, Object data) {
        writer.appendEnvelope(tenantId, type, data);
    }
}
