package com.siyu.touchpoint.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** payment-service's PaymentSucceeded, once each through common's inbox: the post-payment preset's send. */
@Component
class PaymentEventsConsumer implements EventConsumer {

    static final String SUCCEEDED = "payment-service.PaymentSucceeded";

    private final Sends sends;

    PaymentEventsConsumer(Sends sends) {
        this.sends = sends;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(SUCCEEDED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!data.path("paymentNo").isTextual() || !data.path("memberId").canConvertToLong() || !data.path("paidAt").isTextual()) {
            throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has no paymentNo, memberId or paidAt");
        }
        Instant paidAt;
        try {
            paidAt = Instant.parse(data.path("paidAt").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has a paidAt that is not an instant");
        }
        long paid = Math.max(0, data.path("grossFen").asLong() - data.path("discountFen").asLong());
        sends.paid(data.path("memberId").asLong(), data.path("paymentNo").asText(), paid, paidAt);
    }
}
