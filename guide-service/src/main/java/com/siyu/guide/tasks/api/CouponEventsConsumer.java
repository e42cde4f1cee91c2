package com.siyu.guide.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.guide.tasks.domain.Tasks;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.stereotype.Component;

/** coupon-service's CouponExpiring (envelope {eventId, type, tenantId, data}), once each through common's inbox: the guide's reminder task. */
@Component
class CouponEventsConsumer implements EventConsumer {

    static final String EXPIRING = "coupon-service.CouponExpiring";

    private final Tasks tasks;

    CouponEventsConsumer(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(EXPIRING);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!data.path("couponId").canConvertToLong() || !data.path("memberId").canConvertToLong() || !data.path("templateId").canConvertToLong()
                || !data.path("validTo").isTextual()) {
            throw new MalformedEvent("CouponExpiring " + event.messageId() + " has no couponId, memberId, templateId or validTo");
        }
        Instant validTo;
        try {
            validTo = Instant.parse(data.path("validTo").asText());
        } catch (DateTimeParseException e) {
            throw new MalformedEvent("CouponExpiring " + event.messageId() + " has a validTo that is not an instant");
        }
        tasks.couponExpiring(data.path("memberId").asLong(), data.path("couponId").asLong(), data.path("templateId").asLong(), validTo,
                data.path("daysLeft").asLong(1));
    }
}
