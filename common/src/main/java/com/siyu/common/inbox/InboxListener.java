package com.siyu.common.inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;

/**
 * Takes one delivery from the service's queue (manual acknowledgement) through the {@link Inbox}:
 * applied or duplicate → ack; the consumer failed → reject without requeue, which the queue dead-letters
 * into {@code <queue>.retry}, whose TTL sends it back after the retry delay (the broker's {@code x-death}
 * count is the attempt number); on the last attempt, or when the message can never succeed (malformed),
 * it is copied to {@code <queue>.dlq} with the error, and acked only once the broker confirmed the copy.
 */
class InboxListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(InboxListener.class);

    private final Inbox inbox;
    private final InboxSettings settings;
    private final ObjectMapper json;
    private final RabbitTemplate deadLetters;
    private final MeterRegistry meters;

    InboxListener(Inbox inbox, InboxSettings settings, ObjectMapper json, RabbitTemplate deadLetters, MeterRegistry meters) {
        this.inbox = inbox;
        this.settings = settings;
        this.json = json;
        this.deadLetters = deadLetters;
        this.meters = meters;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        long tag = message.getMessageProperties().getDeliveryTag();
        int attempt = attempt(message.getMessageProperties());
        ReceivedEvent event = null;
        try {
            event = parse(message, attempt);
            Inbox.Outcome outcome = inbox.process(event);
            channel.basicAck(tag, false);
            count(outcome == Inbox.Outcome.APPLIED ? "applied" : "duplicate", event.key());
        } catch (MalformedEvent malformed) {
            log.warn("Dead-lettering malformed message {}: {}", message.getMessageProperties().getMessageId(), malformed.getMessage());
            deadLetter(message, channel, tag, attempt, malformed);
        } catch (RuntimeException failed) {
            String key = event == null ? "?" : event.key();
            if (attempt >= settings.maxAttempts()) {
                log.error("Event {} ({}) failed {} times, dead-lettered to {}", message.getMessageProperties().getMessageId(),
                        key, attempt, settings.deadLetterQueue(), failed);
                deadLetter(message, channel, tag, attempt, failed);
            } else {
                log.warn("Event {} ({}) failed on attempt {} of {}, retried in {}: {}", message.getMessageProperties().getMessageId(),
                        key, attempt, settings.maxAttempts(), settings.retryDelay(), failed.toString());
                count("retried", key);
                channel.basicNack(tag, false, false);
            }
        }
    }

    /** 1 + how often this message was rejected from our queue before (the broker counts it in x-death). */
    static int attempt(MessageProperties properties) {
        List<Map<String, ?>> deaths = properties.getXDeathHeader();
        if (deaths == null) {
            return 1;
        }
        long rejected = 0;
        for (Map<String, ?> death : deaths) {
            if ("rejected".equals(String.valueOf(death.get("reason"))) && death.get("count") instanceof Number n) {
                rejected = Math.max(rejected, n.longValue());
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, rejected + 1);
    }

    ReceivedEvent parse(Message message, int attempt) {
        MessageProperties properties = message.getMessageProperties();
        String messageId = properties.getMessageId();
        if (messageId == null || messageId.isBlank() || messageId.length() > 64) {
            throw new MalformedEvent("A message without a usable message id cannot be deduplicated");
        }
        Object tenant = properties.getHeader("tenantId");
        long tenantId;
        if (tenant instanceof Number number) {
            tenantId = number.longValue();
        } else if (tenant != null && tenant.toString().matches("\\d{1,18}")) {
            tenantId = Long.parseLong(tenant.toString());
        } else {
            throw new MalformedEvent("Message " + messageId + " has no tenantId header");
        }
        Object type = properties.getHeader("type");
        String key = properties.getAppId() != null && type != null ? properties.getAppId() + "." + type
                : properties.getReceivedRoutingKey();
        JsonNode payload;
        try {
            payload = json.readTree(message.getBody());
        } catch (IOException e) {
            throw new MalformedEvent("Message " + messageId + " is not JSON", e);
        }
        if (payload == null || !payload.isObject()) {
            throw new MalformedEvent("Message " + messageId + " is not a JSON object");
        }
        return new ReceivedEvent(messageId, tenantId, key, payload, attempt);
    }

    private void deadLetter(Message message, Channel channel, long tag, int attempt, RuntimeException cause) throws IOException {
        MessageProperties properties = message.getMessageProperties();
        properties.setHeader("x-siyu-error", String.valueOf(cause).substring(0, Math.min(500, String.valueOf(cause).length())));
        properties.setHeader("x-siyu-attempts", attempt);
        properties.setHeader("x-siyu-received-key", properties.getReceivedRoutingKey());
        CorrelationData correlation = new CorrelationData(properties.getMessageId());
        try {
            deadLetters.send("", settings.deadLetterQueue(), message, correlation);
            CorrelationData.Confirm confirm = correlation.getFuture().get(10, TimeUnit.SECONDS);
            if (!confirm.isAck()) {
                throw new IllegalStateException("broker refused the dead letter: " + confirm.getReason());
            }
        } catch (Exception notKept) {
            if (notKept instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            // not safely in the DLQ: back through the retry queue, so the message is never lost
            log.warn("Could not dead-letter {}: {}; it goes round the retry queue again", properties.getMessageId(), notKept.toString());
            channel.basicNack(tag, false, false);
            return;
        }
        channel.basicAck(tag, false);
        count("dead-lettered", "?");
    }

    private void count(String outcome, String key) {
        Counter.builder("siyu.inbox.messages").description("Events consumed by the inbox, by outcome")
                .tag("outcome", outcome).tag("event", key).register(meters).increment();
    }
}
