package com.siyu.guide.commission.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.guide.commission.domain.Commissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** payment-service's PaymentSucceeded (commission, tasks) and PaymentRefunded (envelope {eventId, type, tenantId, data}), once each through common's inbox. */
@Component
class PaymentEventsConsumer implements EventConsumer {

    static final String SUCCEEDED = "payment-service.PaymentSucceeded";
    static final String REFUNDED = "payment-service.PaymentRefunded";

    private final Commissions commissions;
    private final com.siyu.guide.tasks.domain.Tasks tasks;

    PaymentEventsConsumer(Commissions commissions, com.siyu.guide.tasks.domain.Tasks tasks) {
        this.commissions = commissions;
        this.tasks = tasks;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(SUCCEEDED, REFUNDED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (SUCCEEDED.equals(event.key())) {
            if (!data.path("paymentNo").isTextual() || !data.path("memberId").canConvertToLong() || !data.path("orders").isArray()) {
                throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has no paymentNo, memberId or orders");
            }
            List<Commissions.PaidOrder> orders = new ArrayList<>();
            for (JsonNode order : data.path("orders")) {
                orders.add(new Commissions.PaidOrder(text(order, "orderNo", event), order.path("merchantId").asLong(), order.path("storeId").asLong(),
                        order.hasNonNull("category") ? order.path("category").asText() : null, order.path("grossFen").asLong(),
                        order.path("discountFen").asLong()));
            }
            Instant paidAt = Instant.parse(text(data, "paidAt", event));
            String attribution = data.path("attribution").isTextual() ? data.path("attribution").asText() : null;
            commissions.paid(data.path("paymentNo").asText(), data.path("memberId").asLong(), paidAt, orders, attribution);
            // the same delivery (one inbox transaction): the member's tasks done by paying, and a big spend's follow-up
            long paidFen = orders.stream().mapToLong(o -> Math.max(0, o.grossFen() - o.discountFen())).sum();
            tasks.paid(data.path("memberId").asLong(), data.path("paymentNo").asText(), paidFen, paidAt);
        } else {
            commissions.refunded(text(data, "orderNo", event), text(data, "refundNo", event), data.path("grossFen").asLong());
        }
    }

    private static String text(JsonNode node, String field, ReceivedEvent event) {
        if (!node.path(field).isTextual()) {
            throw new MalformedEvent(event.key() + " " + event.messageId() + " has no " + field);
        }
        return node.path(field).asText();
    }
}
