package com.siyu.common.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/** For ITs that consume events from the real RabbitMQ on 127.0.0.1:5672: waiting for an effect, and cleaning up queues. */
public final class Rabbit {

    private Rabbit() {
    }

    /** Polls {@code condition} until it holds or {@code patience} runs out. */
    public static boolean eventually(BooleanSupplier condition, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** {@link #eventually(BooleanSupplier, Duration)} within 20 s. */
    public static boolean eventually(BooleanSupplier condition) {
        return eventually(condition, Duration.ofSeconds(20));
    }

    /**
     * Publishes an event as common's outbox relay does: exchange {@code siyu.events}, routing key
     * {@code <service>.<type>}, message id, JSON body, {@code tenantId} and {@code type} headers.
     */
    public static void publish(RabbitTemplate rabbit, ObjectMapper json, String service, String type, long tenantId, String messageId,
                               Object payload) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(messageId);
        properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
        properties.setContentEncoding("UTF-8");
        properties.setType(type);
        properties.setAppId(service);
        properties.setHeader("tenantId", tenantId);
        properties.setHeader("type", type);
        try {
            rabbit.send("siyu.events", service + "." + type, new Message(json.writeValueAsBytes(payload), properties));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Deletes an IT's inbox queue with its retry and dead-letter queues (common's inbox declares all three). */
    public static void deleteInboxQueues(String queue) {
        CachingConnectionFactory connections = new CachingConnectionFactory("127.0.0.1", 5672);
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            admin.deleteQueue(queue);
            admin.deleteQueue(queue + ".retry");
            admin.deleteQueue(queue + ".dlq");
        } finally {
            connections.destroy();
        }
    }
}
