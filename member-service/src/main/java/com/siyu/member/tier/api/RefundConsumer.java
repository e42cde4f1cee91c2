package com.siyu.member.tier.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.member.tier.domain.GrowthEvent;
import com.siyu.member.tier.domain.Tiers;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * payment-service's {@code PaymentRefunded} (envelope {eventId, type, tenantId, data}): the growth and
 * spend the refunded purchase added are taken back, once per refund, through common's inbox.
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
        if (!data.path("refundNo").isTextual() || !data.path("memberId").canConvertToLong()) {
            throw new MalformedEvent("PaymentRefunded " + event.messageId() + " has no refundNo or memberId");
        }
        long spend = data.path("cashFen").asLong() + data.path("pointsFen").asLong();
        if (spend <= 0) {
            return;
        }
        Instant at = data.path("refundedAt").isTextual() ? Instant.parse(data.path("refundedAt").asText()) : null;
        tiers.reverse(new GrowthEvent(data.path("memberId").asLong(), data.path("refundNo").asText(), spend,
                data.hasNonNull("storeId") ? data.path("storeId").asLong() : null,
                data.hasNonNull("category") ? data.path("category").asText() : null, at));
    }
}
