package com.siyu.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class OutboxRelayTest {

    final CachingConnectionFactory nowhere = new CachingConnectionFactory("127.0.0.1", 1);
    final OutboxRelay relay = new OutboxRelay(new DriverManagerDataSource("jdbc:mysql://127.0.0.1:1/none"),
            new RabbitTemplate(nowhere), new RabbitAdmin(nowhere),
            new OutboxSettings("siyu.events", 100, Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(5)),
            "points-service", Clock.systemUTC(), new SimpleMeterRegistry());

    final OutboxRelay.OutboxEvent event = new OutboxRelay.OutboxEvent(7, 42, "0b7c3a52-0d8e-4b8c-9a51-8f3b8f0e6a11",
            "PointsEarned", "{\"memberId\":5,\"points\":120}", LocalDateTime.of(2026, 3, 1, 8, 30, 0, 123_000_000));

    @Test
    void aRowBecomesAPersistentJsonMessageNamedByItsEventId() {
        Message message = relay.message(event);

        assertThat(relay.routingKey(event)).isEqualTo("points-service.PointsEarned");
        assertThat(message.getMessageProperties().getMessageId()).isEqualTo(event.eventId());
        assertThat(message.getMessageProperties().getContentType()).isEqualTo("application/json");
        assertThat(message.getMessageProperties().<Long>getHeader("tenantId")).isEqualTo(42L);
        assertThat(message.getMessageProperties().<String>getHeader("type")).isEqualTo("PointsEarned");
        assertThat(message.getMessageProperties().getType()).isEqualTo("PointsEarned");
        assertThat(message.getMessageProperties().getAppId()).isEqualTo("points-service");
        assertThat(message.getMessageProperties().getTimestamp().toInstant())
                .isEqualTo(event.createdAt().toInstant(ZoneOffset.UTC));
        assertThat(message.getMessageProperties().getDeliveryMode()).hasToString("PERSISTENT");
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).isEqualTo(event.payload());
    }

    @Test
    void aTickThatCannotReachTheDatabaseNeverThrows() {
        relay.relay();
        relay.relay();
    }
}
