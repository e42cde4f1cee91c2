package com.siyu.coupon.outbox.infra;

import com.siyu.common.outbox.OutboxWriter;
import com.siyu.coupon.outbox.domain.Outbox;
import org.springframework.stereotype.Repository;

/** The coupon-service outbox on common's writer (same transaction as the change; relayed later). */
@Repository
class TableOutbox implements Outbox {

    private final OutboxWriter writer;

    TableOutbox(OutboxWriter writer) {
        this.writer = writer;
    }

    @Override
    public String append(String type, Object payload) {
        return writer.append(type, payload);
    }
}
