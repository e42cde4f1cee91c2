package com.siyu.member.tier.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.member.tier.domain.Tiers;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * payment-service's {@code PaymentRefunded} (envelope {eventId, type, tenantId, data}): the growth and
 * spend the refunded shop order added are taken back from whoever it was recorded on, once per refund,
 * through common's inbox.
 */
@Component
class RefundConsumer implements EventConsumer {

    static final String REFUNDED = "payment-service.PaymentRefunded";

    private final Tiers tiers;

    RefundConsumer(Tiers tiers) {
        this.tiers = tiers;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(REFUNDED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!data.path("refundNo").isTextual() || !data.path("orderNo").isTextual()) {
            throw new MalformedEvent("PaymentRefunded " + event.messageId() + " has no refundNo or orderNo");
        }
        long spend = data.path("cashFen").asLong() + data.path("pointsFen").asLong();
        Instant at = data.path("refundedAt").isTextual() ? Instant.parse(data.path("refundedAt").asText()) : null;
        // the purchase's growth was recorded under its shop order number (payment-service reports it so)
        tiers.reverse(data.path("orderNo").asText(), data.path("refundNo").asText(), spend,
                data.hasNonNull("storeId") ? data.path("storeId").asLong() : null,
                data.hasNonNull("category") ? data.path("category").asText() : null, at);
    }
}
