package com.siyu.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;

class InboxListenerTest {

    final InboxSettings settings = new InboxSettings("siyu.events", "svc.inbox", 3, Duration.ofSeconds(1), 1, 1);
    final InboxListener listener = new InboxListener(null, settings, new ObjectMapper(), null, new SimpleMeterRegistry());

    @Test
    void theAttemptIsOnePlusTheRejectionsTheBrokerCounted() {
        MessageProperties first = new MessageProperties();
        assertThat(InboxListener.attempt(first)).isEqualTo(1);

        MessageProperties third = new MessageProperties();
        third.setHeader("x-death", List.of(
                Map.of("queue", "svc.inbox.retry", "reason", "expired", "count", 2L),
                Map.of("queue", "svc.inbox", "reason", "rejected", "count", 2L)));
        assertThat(InboxListener.attempt(third)).isEqualTo(3);
    }

    @Test
    void theEventKeyIsThePublisherAndTypeSoItSurvivesTheRetryQueue() {
        MessageProperties properties = relayed("m-1", 7L);
        properties.setReceivedRoutingKey("svc.inbox");
        ReceivedEvent event = listener.parse(new Message("{\"mergeId\":5}".getBytes(StandardCharsets.UTF_8), properties), 2);
        assertThat(event.key()).isEqualTo("member-service.MemberMerged");
        assertThat(event.tenantId()).isEqualTo(7L);
        assertThat(event.messageId()).isEqualTo("m-1");
        assertThat(event.requireLong("mergeId")).isEqualTo(5L);
        assertThat(event.attempt()).isEqualTo(2);
        assertThatThrownBy(() -> event.requireLong("survivorId")).isInstanceOf(MalformedEvent.class);
    }

    @Test
    void messagesThatCanNeverSucceedAreMalformed() {
        MessageProperties noTenant = relayed("m-2", null);
        assertThatThrownBy(() -> listener.parse(new Message("{}".getBytes(StandardCharsets.UTF_8), noTenant), 1))
                .isInstanceOf(MalformedEvent.class).hasMessageContaining("tenantId");
        MessageProperties noId = relayed(null, 7L);
        assertThatThrownBy(() -> listener.parse(new Message("{}".getBytes(StandardCharsets.UTF_8), noId), 1))
                .isInstanceOf(MalformedEvent.class);
        assertThatThrownBy(() -> listener.parse(new Message("not json".getBytes(StandardCharsets.UTF_8), relayed("m-3", 7L)), 1))
                .isInstanceOf(MalformedEvent.class);
    }

    private static MessageProperties relayed(String id, Long tenant) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(id);
        properties.setAppId("member-service");
        properties.setHeader("type", "MemberMerged");
        if (tenant != null) {
            properties.setHeader("tenantId", tenant);
        }
        return properties;
    }
}
