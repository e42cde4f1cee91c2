package com.siyu.common.test;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

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
