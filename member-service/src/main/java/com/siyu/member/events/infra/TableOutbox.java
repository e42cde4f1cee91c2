package com.siyu.member.events.infra;

import com.siyu.common.outbox.OutboxWriter;
import com.siyu.member.events.domain.Outbox;
import org.springframework.stereotype.Component;

/** The member-service outbox on common's writer (same transaction as the change; relayed later). */
@Component
class TableOutbox implements Outbox {

    private final OutboxWriter writer;

    TableOutbox(OutboxWriter writer) {
        this.writer = writer;
    }

    @Override
    public void record(String type, Object payload) {
        writer.append(type, payload);
    }
}
