package com.siyu.payment.checkout.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.outbox.OutboxWriter;
import com.siyu.payment.checkout.domain.Outbox;
import org.springframework.stereotype.Repository;

/**
 * Payment events on common's outbox writer, on the caller's connection (so inside the caller's
 * transaction or AT branch), as an envelope {eventId, type, tenantId, data}.
 */
@Repository
class TableOutbox implements Outbox {

    private final OutboxWriter writer;

    TableOutbox(OutboxWriter writer) {
        this.writer = writer;
    }

    @Override
    public String append(String type, Object payload) {
        return writer.appendEnvelope(CallerContext.requireTenant(), type, payload);
    }
}
