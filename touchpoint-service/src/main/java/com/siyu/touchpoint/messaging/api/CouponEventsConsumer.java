package com.siyu.touchpoint.messaging.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.touchpoint.client.CouponClient;
import com.siyu.touchpoint.messaging.domain.Preset;
import com.siyu.touchpoint.messaging.domain.Sends;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** coupon-service's CouponExpiring, once each through common's inbox: the COUPON_EXPIRY preset's reminder, one per coupon. */
@Component
class CouponEventsConsumer implements EventConsumer {

    static final String EXPIRING = "coupon-service.CouponExpiring";

    private final Sends sends;
    private final CouponClient coupons;

    CouponEventsConsumer(Sends sends, CouponClient coupons) {
        this.sends = sends;
        this.coupons = coupons;
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
        String name;
        try {
            name = coupons.template(data.path("templateId").asLong()).name();
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isEmpty()) {
                // coupon-service unreachable: the delivery fails and is redelivered
                throw e;
            }
            name = "";
        }
        sends.triggered(Preset.Kind.COUPON_EXPIRY, data.path("memberId").asLong(), "coupon:" + data.path("couponId").asLong() + ":COUPON_EXPIRY",
                Map.of("coupon", name, "validTo", sends.localTime(validTo), "daysLeft", String.valueOf(data.path("daysLeft").asLong(1))), Instant.EPOCH);
    }
}
