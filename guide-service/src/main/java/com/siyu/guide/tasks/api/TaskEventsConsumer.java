package com.siyu.guide.tasks.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyu.common.inbox.EventConsumer;
import com.siyu.common.inbox.MalformedEvent;
import com.siyu.common.inbox.ReceivedEvent;
import com.siyu.guide.tasks.domain.Tasks;
import java.time.Instant;
import java.util.Set;
import org.springframework.stereotype.Component;

/** guide-service's own GuideBound, back through RabbitMQ and common's inbox (once each): a new binding's welcome task. */
@Component
class TaskEventsConsumer implements EventConsumer {

    static final String BOUND = "guide-service.GuideBound";

    private final Tasks tasks;

    TaskEventsConsumer(Tasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Set<String> routingKeys() {
        return Set.of(BOUND);
    }

    @Override
    public void consume(ReceivedEvent event) {
        JsonNode data = event.payload().path("data");
        if (!data.path("memberId").canConvertToLong() || !data.path("at").isTextual()) {
            throw new MalformedEvent("GuideBound " + event.messageId() + " has no memberId or at");
        }
        if (!data.hasNonNull("guideId")) {
            return;
        }
        tasks.bound(data.path("memberId").asLong(), data.path("guideId").asLong(), data.path("source").asText(null),
                Instant.parse(data.path("at").asText()));
    }
}
