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

/** payment-service's PaymentSucceeded (attribution, the post-payment preset's send) and PaymentRefunded, once each through common's inbox. */
@Component
class PaymentEventsConsumer implements EventConsumer {

    static final String SUCCEEDED = "payment-service.PaymentSucceeded";
    static final String REFUNDED = "payment-service.PaymentRefunded";

    private final Sends sends;
    private final com.siyu.touchpoint.messaging.domain.Attribution attribution;
    private final com.siyu.touchpoint.support.domain.WorkOrders workOrders;
    private final com.siyu.touchpoint.sales.domain.StoreSales sales;

    PaymentEventsConsumer(Sends sends, com.siyu.touchpoint.messaging.domain.Attribution attribution,
                          com.siyu.touchpoint.support.domain.WorkOrders workOrders, com.siyu.touchpoint.sales.domain.StoreSales sales) {
        this.sends = sends;
        this.attribution = attribution;
        this.workOrders = workOrders;
        this.sales = sales;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(SUCCEEDED, REFUNDED);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (REFUNDED.equals(event.key())) {
            if (!data.path("refundNo").isTextual() || !data.path("paymentNo").isTextual() || !data.path("grossFen").canConvertToLong()) {
                throw new MalformedEvent("PaymentRefunded " + event.messageId() + " has no refundNo, paymentNo or grossFen");
            }
            attribution.refunded(data.path("refundNo").asText(), data.path("paymentNo").asText(), data.path("grossFen").asLong(),
                    data.path("storeId").canConvertToLong() ? data.path("storeId").asLong() : null);
            // a return work order's refund that was still processing when it was approved
            workOrders.refunded(data.path("refundNo").asText(), data.path("grossFen").asLong());
            if (data.path("storeId").canConvertToLong()) {
                Instant at = data.path("refundedAt").isTextual() ? parse(data.path("refundedAt").asText(), event) : Instant.now();
                sales.refunded(data.path("refundNo").asText(), data.path("paymentNo").asText(), data.path("storeId").asLong(),
                        data.path("grossFen").asLong(), at);
            }
            return;
        }
        if (!data.path("paymentNo").isTextual() || !data.path("memberId").canConvertToLong() || !data.path("paidAt").isTextual()) {
            throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has no paymentNo, memberId or paidAt");
        }
        Instant paidAt = parse(data.path("paidAt").asText(), event);
        long paid = Math.max(0, data.path("grossFen").asLong() - data.path("discountFen").asLong());
        java.util.List<com.siyu.touchpoint.sales.domain.StoreSales.Order> orders = new java.util.ArrayList<>();
        for (JsonNode order : data.path("orders")) {
            if (!order.path("storeId").canConvertToLong() || !order.path("grossFen").canConvertToLong()) {
                throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has an order without storeId or grossFen");
            }
            orders.add(new com.siyu.touchpoint.sales.domain.StoreSales.Order(order.path("storeId").asLong(), order.path("grossFen").asLong()));
        }
        java.util.Map<Long, Long> grossByStore = new java.util.TreeMap<>();
        orders.forEach(o -> grossByStore.merge(o.storeId(), o.grossFen(), Long::sum));
        // the same delivery (one inbox transaction): the credit of an earlier message, then this payment's thank-you
        attribution.paid(data.path("memberId").asLong(), data.path("paymentNo").asText(), data.path("grossFen").asLong(), paidAt, grossByStore);
        sends.paid(data.path("memberId").asLong(), data.path("paymentNo").asText(), paid, paidAt);
        for (JsonNode coupon : data.path("coupons")) {
            if (!coupon.path("couponId").canConvertToLong() || !coupon.path("amountFen").canConvertToLong() || !coupon.path("platformFen").canConvertToLong()) {
                throw new MalformedEvent("PaymentSucceeded " + event.messageId() + " has a coupon without couponId, amountFen or platformFen");
            }
            attribution.couponUsed(data.path("memberId").asLong(), coupon.path("couponId").asLong(), coupon.path("amountFen").asLong(), coupon.path("platformFen").asLong(),
                    data.path("paymentNo").asText());
        }
        sales.paid(data.path("paymentNo").asText(), paidAt, orders);
    }

    private static Instant parse(String text, ReceivedEvent event) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new MalformedEvent(event.key() + " " + event.messageId() + " has a time that is not an instant: " + text);
        }
    }
}
